package io.signalsforspring.signals.spring;

import java.util.Map;

import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ReceiverLifecycleTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

	@Test
	void startUpLogsHowManyReceiversOnHowManySignals(org.springframework.boot.test.system.CapturedOutput output) {
		ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
			.getLogger(io.signalsforspring.signals.Signal.LOGGER_NAME);
		ch.qos.logback.classic.Level level = logger.getLevel();
		logger.setLevel(ch.qos.logback.classic.Level.INFO);
		try {
			this.runner.withUserConfiguration(Inventory.class)
				.run((context) -> assertThat(output).contains("1 receivers on 1 signals"));
		}
		finally {
			logger.setLevel(level);
		}
	}

	@Test
	void receiverIsDisconnectedWhenItsBeanIsDestroyed() {
		this.runner.withUserConfiguration(Inventory.class).run((context) -> {
			OrderConfirmed signal = context.getBean(OrderConfirmed.class);
			assertThat(signal.connections()).hasSize(1);
			((AbstractApplicationContext) context.getSourceApplicationContext()).getBeanFactory()
				.destroyBean("receiverLifecycleTests.Inventory", context.getBean(Inventory.class));
			assertThat(signal.connections()).isEmpty();
		});
	}

	@Test
	void parentAndChildContextsConnectEachReceiverOnce() {
		this.runner.withUserConfiguration(Inventory.class).run((parent) -> {
			new ApplicationContextRunner().withParent(parent)
				.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class))
				.withUserConfiguration(Shipping.class)
				.run((child) -> {
					OrderConfirmed signal = parent.getBean(OrderConfirmed.class);
					assertThat(child.getBean(OrderConfirmed.class)).isSameAs(signal);
					assertThat(child.getBeansOfType(OrderConfirmed.class)).isEmpty();
					signal.send(this, Map.of("order", "A-1", "quantity", 1));
					assertThat(parent.getBean(Inventory.class).calls).isEqualTo(1);
					assertThat(child.getBean(Shipping.class).calls).isEqualTo(1);
					assertThat(signal.connections()).hasSize(2);
				});
			assertThat(parent.getBean(OrderConfirmed.class).connections()).as("child's receiver gone with the child")
				.hasSize(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class Inventory {

		int calls;

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Receiver(OrderConfirmed.class)
		void reserve(String order) {
			this.calls++;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Shipping {

		int calls;

		@Receiver(OrderConfirmed.class)
		void ship(String order) {
			this.calls++;
		}

	}

}
