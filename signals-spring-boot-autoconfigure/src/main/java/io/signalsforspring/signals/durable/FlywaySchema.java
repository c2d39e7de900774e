package io.signalsforspring.signals.durable;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resolver.MigrationResolver;
import org.jspecify.annotations.Nullable;

/**
 * Applies the delivery table through Flyway, for applications that migrate with it: the
 * starter's own migrations, with their own history table ({@code signals_schema_history})
 * so that their versions never mix with the application's. They run with the
 * application's Flyway configuration (its connection, user, init SQL, retries, who
 * installed them, ...), all but what names the application's own migrations: their
 * locations, naming, callbacks, target and schemas. They go to
 * {@code signals.durable.schema} when that is set, else to the connection's schema, where
 * the deliveries are read from.
 */
public final class FlywaySchema {

	private FlywaySchema() {
	}

	/**
	 * Apply the delivery table's migrations.
	 * @param dataSource the application's data source
	 * @param application the application's Flyway, whose configuration is used, or
	 * {@code null}
	 * @param schema the schema of the table, {@code null} for the connection's own
	 */
	public static void migrate(DataSource dataSource, @Nullable Flyway application, @Nullable String schema) {
		DeliveryDatabase database = new DeliveryDatabase(dataSource, schema);
		FluentConfiguration configuration = Flyway.configure(FlywaySchema.class.getClassLoader());
		if (application != null) {
			configuration.configuration(application.getConfiguration());
		}
		else {
			configuration.dataSource(dataSource);
		}
		configuration.locations("classpath:" + DeliverySchema.LOCATION + database.scriptFolder())
			.table("signals_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.target("latest")
			.sqlMigrationPrefix("V")
			.sqlMigrationSeparator("__")
			.sqlMigrationSuffixes(".sql")
			.repeatableSqlMigrationPrefix("R")
			.javaMigrations(new JavaMigration[0])
			.resolvers(new MigrationResolver[0])
			.resourceProvider(null)
			.javaMigrationClassProvider(null)
			.callbacks(new Callback[0])
			.skipDefaultCallbacks(true)
			.ignoreMigrationPatterns("*:future")
			.placeholderReplacement(false);
		if (database.schema() != null) {
			configuration.schemas(database.schema()).defaultSchema(database.schema());
		}
		else {
			configuration.schemas(new String[0]).defaultSchema(null);
		}
		configuration.load().migrate();
	}

}
