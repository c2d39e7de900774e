package io.signalsforspring.signals.spring.autoconfigure;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.RequestSignals;
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
 * callback on every migration, a connection source in Hikari pools) is absent unless a
 * receiver of its signals is declared or its property is {@code true}, and off with its
 * property {@code false}.
 */
class SignalsFrameworkAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsFrameworkAutoConfiguration.class));

	@Test
	void noBridgeIsSetUpWithoutReceivers() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("requestSignalsFilter")
			.doesNotHaveBean(MigrationSignalsCallback.class)
			.doesNotHaveBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void eachBridgeIsSetUpForADeclaredReceiverOfItsSignals() {
		this.runner.withUserConfiguration(FrameworkReceivers.class)
			.run((context) -> assertThat(context).hasBean("requestSignalsFilter")
				.hasSingleBean(MigrationSignalsCallback.class)
				.hasSingleBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void onlyTheBridgesOfDeclaredSignalsAreSetUp() {
		this.runner.withUserConfiguration(ConnectionReceiver.class)
			.run((context) -> assertThat(context).doesNotHaveBean("requestSignalsFilter")
				.doesNotHaveBean(MigrationSignalsCallback.class)
				.hasSingleBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void eachBridgeIsSetUpWithoutReceiversWhenItsPropertyIsTrue() {
		this.runner
			.withPropertyValues("signals.web.enabled=true", "signals.flyway.enabled=true", "signals.jdbc.enabled=true")
			.run((context) -> assertThat(context).hasBean("requestSignalsFilter")
				.hasSingleBean(MigrationSignalsCallback.class)
				.hasSingleBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void requestFilterIsOffWithItsPropertyDespiteReceivers() {
		this.runner.withUserConfiguration(FrameworkReceivers.class)
			.withPropertyValues("signals.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("requestSignalsFilter")
				.hasSingleBean(MigrationSignalsCallback.class));
	}

	@Test
	void flywayCallbackIsOffWithItsPropertyDespiteReceivers() {
		this.runner.withUserConfiguration(FrameworkReceivers.class)
			.withPropertyValues("signals.flyway.enabled=false")
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
	void hikariConnectionSourceIsOffWithItsPropertyDespiteReceivers() {
		this.runner.withUserConfiguration(FrameworkReceivers.class)
			.withPropertyValues("signals.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConnectionCreatedPostProcessor.class));
	}

	static class ConnectionReceiver {

		final List<String> using = new CopyOnWriteArrayList<>();

		@Receiver(DatabaseSignals.ConnectionCreated.class)
		void connected(String using) {
			this.using.add(using);
		}

	}

	static class FrameworkReceivers {

		@Receiver(RequestSignals.RequestStarted.class)
		void started() {
		}

		@Receiver(ModelSignals.PostMigrate.class)
		void migrated() {
		}

		@Receiver(DatabaseSignals.ConnectionCreated.class)
		void connected() {
		}

	}

}
