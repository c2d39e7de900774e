package io.signalsforspring.signals.spring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import io.signalsforspring.signals.spring.autoconfigure.SignalsObservabilityAutoConfiguration;
import io.signalsforspring.signals.spring.micrometer.ObservedReceivers;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ObservedReceiversTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsObservabilityAutoConfiguration.class))
		.withUserConfiguration(Receivers.class);

	@Test
	void everyReceiverCallIsTimedAndEveryFailureCountedWithSignalSenderAndReceiverTags() {
		this.runner.withUserConfiguration(Micrometer.class).run((context) -> {
			OrderConfirmed signal = context.getBean(OrderConfirmed.class);
			signal.send(Receivers.class, Map.of("order", "A-1", "quantity", 1));
			assertThatIllegalStateException()
				.isThrownBy(() -> signal.send(Receivers.class, Map.of("order", "fail", "quantity", 1)));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			String receiver = "observedReceiversTests.Receivers#ship(String)";
			assertThat(meters.get(ObservedReceivers.OBSERVATION)
				.tags("signal", "order_confirmed", "sender", Receivers.class.getName(), "receiver", receiver)
				.timers()).extracting((timer) -> timer.getId().getTag("error") + " " + timer.count())
				.containsExactlyInAnyOrder("none 1", "IllegalStateException 1");
			assertThat(meters.get(ObservedReceivers.ERRORS)
				.tags("signal", "order_confirmed", "sender", Receivers.class.getName(), "receiver", receiver,
						"exception", "IllegalStateException")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void receiverObservationIsNestedInTheObservationThatSentTheSignal() {
		this.runner.withUserConfiguration(Micrometer.class).run((context) -> {
			ObservationRegistry observations = context.getBean(ObservationRegistry.class);
			Observation request = Observation.start("http.server.requests", observations);
			try (Observation.Scope scope = request.openScope()) {
				context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-2", "quantity", 1));
			}
			request.stop();
			List<Observation.Context> started = context.getBean(Micrometer.class).started;
			assertThat(started).filteredOn((observed) -> observed.getName().equals(ObservedReceivers.OBSERVATION))
				.singleElement()
				.satisfies((observed) -> {
					assertThat(observed.getParentObservation()).isSameAs(request);
					assertThat(observed.getContextualName()).isEqualTo("receive order_confirmed");
				});
		});
	}

	@Test
	void withoutAnObservationRegistryNothingIsObserved() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ObservedReceivers.class));
	}

	@Test
	void withoutMicrometerOnTheClassPathNothingIsObserved() {
		this.runner.withUserConfiguration(Micrometer.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservedReceivers.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Micrometer {

		final List<Observation.Context> started = new CopyOnWriteArrayList<>();

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context observed) {
					Micrometer.this.started.add(observed);
				}

				@Override
				public boolean supportsContext(Observation.Context observed) {
					return true;
				}

			});
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Receivers {

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Receiver(OrderConfirmed.class)
		void ship(String order) {
			if (order.equals("fail")) {
				throw new IllegalStateException("no stock");
			}
		}

	}

}
