package io.signalsforspring.signals.durable;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Applies the delivery table through Flyway, for applications that migrate with it: the
 * starter's own migrations, with their own history table ({@code signals_schema_history})
 * so that their versions never mix with the application's.
 */
public final class FlywaySchema {

	private FlywaySchema() {
	}

	/**
	 * Apply the delivery table's migrations.
	 * @param dataSource the data source
	 */
	public static void migrate(DataSource dataSource) {
		String database = DeliverySchema.database(dataSource);
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:" + DeliverySchema.LOCATION + database)
			.table("signals_schema_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
