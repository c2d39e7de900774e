package io.signalsforspring.signals.durable;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.durable.autoconfigure.SignalsDurableAutoConfiguration;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the delivery table is looked for and created: in the connection's own schema (a
 * table of that name in another schema of the database belongs to another service), or in
 * {@code signals.durable.schema}; through the application's Flyway configuration; or
 * through the shipped Liquibase change log. On H2, whose schemas stand for PostgreSQL's.
 */
class DeliveryTableSchemaTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SignalsAutoConfiguration.class,
				SignalsDurableAutoConfiguration.class))
		.withBean(AfterCommit.class);

	private static String database(@Nullable String init) {
		return "spring.datasource.url=jdbc:h2:mem:schema-" + UUID.randomUUID()
				+ ((init != null) ? ";INIT=" + init : "");
	}

	private static List<String> schemasWithTheTable(AssertableApplicationContext context) {
		return new JdbcTemplate(context.getBean(DataSource.class))
			.queryForList("select table_schema from information_schema.tables where lower(table_name) = "
					+ "'signals_delivery' order by table_schema", String.class);
	}

	@Test
	void aTableOfTheSameNameInAnotherSchemaIsNotThisApplicationsTable() {
		this.runner
			.withPropertyValues(
					database("CREATE SCHEMA IF NOT EXISTS BILLING\\;"
							+ "CREATE TABLE IF NOT EXISTS BILLING.SIGNALS_DELIVERY (TASK_NAME VARCHAR(100))\\;"
							+ "CREATE SCHEMA IF NOT EXISTS BLOG\\;SET SCHEMA BLOG"),
					"signals.durable.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(schemasWithTheTable(context)).containsExactly("BILLING", "BLOG");
				assertThat(context.getBean(DeliveryOperations.class).summary().pending()).isZero();
			});
	}

	@Test
	void theTableIsCreatedAndUsedInTheConfiguredSchema() {
		this.runner
			.withPropertyValues(database("CREATE SCHEMA IF NOT EXISTS SIGNALS"), "signals.durable.schema=SIGNALS")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(schemasWithTheTable(context)).containsExactly("SIGNALS");
				assertThat(context.getBean(DeliveryOperations.class).summary().pending()).isZero();
			});
	}

	@Test
	void theFlywayMigrationRunsWithTheApplicationsFlywaySettings() {
		this.runner.withConfiguration(AutoConfigurations.of(FlywayAutoConfiguration.class))
			.withPropertyValues(database(null), "spring.flyway.installed-by=deployer",
					"spring.flyway.sql-migration-prefix=M")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("select \"installed_by\" from \"signals_schema_history\" "
						+ "where \"script\" = 'V1__signals_delivery.sql'", String.class))
					.containsExactly("deployer");
			});
	}

	@Test
	void liquibaseUsersIncludeTheShippedChangeLog() {
		this.runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues(database(null),
					"spring.liquibase.change-log=classpath:db/signals/durable/changelog.xml",
					"signals.durable.initialize-schema=never", "spring.liquibase.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(schemasWithTheTable(context)).containsExactly("PUBLIC");
			});
	}

	static class AfterCommit {

		@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT, durable = true)
		void saved() {
		}

	}

}
