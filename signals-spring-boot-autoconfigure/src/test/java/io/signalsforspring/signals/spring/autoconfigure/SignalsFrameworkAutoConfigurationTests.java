package io.signalsforspring.signals.spring.autoconfigure;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.flyway.MigrationSignalsCallback;
import io.signalsforspring.signals.spring.jdbc.ConnectionCreatedPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each global side effect of the framework signals (a servlet filter on every request, a
 * callback on every migration, a connection source in Hikari pools) is off with its own
 * property; the pools are changed only when a receiver listens to
 * {@code connection_created}.
 */
class SignalsFrameworkAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsFrameworkAutoConfiguration.class));

	@Test
	void everyBridgeIsOnByDefault() {
		this.runner.run((context) -> assertThat(context).hasBean("requestSignalsFilter")
			.hasSingleBean(MigrationSignalsCallback.class)
			.hasSingleBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void requestFilterIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("requestSignalsFilter")
				.hasSingleBean(MigrationSignalsCallback.class));
	}

	@Test
	void flywayCallbackIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.flyway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationSignalsCallback.class)
				.hasBean("requestSignalsFilter"));
	}

	@Test
	void hikariPoolIsLeftAloneWithoutConnectionReceivers() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:pool-" + UUID.randomUUID())
			.run((context) -> assertThat(context.getBean(HikariDataSource.class).getDataSource()).isNull());
	}

	@Test
	void hikariPoolAnnouncesNewConnectionsToADeclaredReceiver() throws Exception {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:pool-" + UUID.randomUUID())
			.withUserConfiguration(ConnectionReceiver.class)
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				assertThat(pool.getDataSource()).isNotNull();
				try (Connection connection = pool.getConnection()) {
					assertThat(context.getBean(ConnectionReceiver.class).using).contains("dataSource");
				}
			});
	}

	@Test
	void hikariPoolIsLeftAloneWhenItsPropertyIsOff() {
		this.runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:pool-" + UUID.randomUUID(),
					"signals.jdbc.enabled=false")
			.withUserConfiguration(ConnectionReceiver.class)
			.run((context) -> assertThat(context.getBean(HikariDataSource.class).getDataSource()).isNull());
	}

	@Test
	void hikariConnectionSourceIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConnectionCreatedPostProcessor.class));
	}

	static class ConnectionReceiver {

		final List<String> using = new CopyOnWriteArrayList<>();

		@Receiver(DatabaseSignals.ConnectionCreated.class)
		void connected(String using) {
			this.using.add(using);
		}

	}

}
