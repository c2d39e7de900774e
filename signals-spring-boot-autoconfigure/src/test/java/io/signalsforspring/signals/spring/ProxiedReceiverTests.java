package io.signalsforspring.signals.spring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class ProxiedReceiverTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

	@Test
	void transactionalClassProxyReceivesOnceThroughTheProxy() {
		this.runner.withUserConfiguration(ClassProxyConfiguration.class).run((context) -> {
			StockService stock = context.getBean(StockService.class);
			assertThat(AopUtils.isCglibProxy(stock)).isTrue();
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-1", "quantity", 2));
			assertThat(Log.calls).containsExactly("reserve A-1 in tx true");
		});
		Log.calls.clear();
	}

	@Test
	void interfaceProxyReceivesOnceThroughTheProxy() {
		this.runner.withUserConfiguration(InterfaceProxyConfiguration.class).run((context) -> {
			Notifier notifier = context.getBean(Notifier.class);
			assertThat(AopUtils.isJdkDynamicProxy(notifier)).isTrue();
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "B-1", "quantity", 1));
			assertThat(Log.calls).containsExactly("notify B-1 in tx true");
		});
		Log.calls.clear();
	}

	static final class Log {

		static final List<String> calls = new CopyOnWriteArrayList<>();

	}

	@Configuration(proxyBeanMethods = false)
	static class Transactions {

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = true)
	static class ClassProxyConfiguration extends Transactions {

		@Bean
		StockService stockService() {
			return new StockService();
		}

	}

	@Transactional
	static class StockService {

		@Receiver(OrderConfirmed.class)
		void reserve(String order) {
			Log.calls
				.add("reserve " + order + " in tx " + TransactionSynchronizationManager.isActualTransactionActive());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement(proxyTargetClass = false)
	static class InterfaceProxyConfiguration extends Transactions {

		@Bean
		Notifier notifier() {
			return new MailNotifier();
		}

	}

	interface Notifier {

		void notify(String order);

	}

	static class MailNotifier implements Notifier {

		@Override
		@Transactional
		@Receiver(OrderConfirmed.class)
		public void notify(String order) {
			Log.calls
				.add("notify " + order + " in tx " + TransactionSynchronizationManager.isActualTransactionActive());
		}

	}

}
