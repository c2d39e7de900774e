package io.signalsforspring.signals.durable;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The {@code signals_delivery} table: found, or created from the script shipped for the
 * database ({@code db/signals/durable/<database>/V1__signals_delivery.sql}, for
 * PostgreSQL and H2), which is also the Flyway migration and the file to copy into a
 * Liquibase change log.
 */
public final class DeliverySchema {

	static final String LOCATION = "db/signals/durable/";

	private DeliverySchema() {
	}

	/**
	 * Make sure the table exists.
	 * @param dataSource the data source
	 * @param create whether to create it when it does not
	 * @throws IllegalStateException if it does not exist and may not be created, naming
	 * the script
	 */
	public static void ensure(DataSource dataSource, boolean create) {
		String database;
		boolean exists;
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			database = database(metaData.getDatabaseProductName());
			exists = exists(metaData, DurableSettings.TABLE)
					|| exists(metaData, DurableSettings.TABLE.toUpperCase(Locale.ROOT));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not look for the table " + DurableSettings.TABLE, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		if (exists) {
			return;
		}
		String script = LOCATION + database + "/V1__signals_delivery.sql";
		if (!create) {
			throw new IllegalStateException("Durable receivers need the table " + DurableSettings.TABLE
					+ ", which does not exist. Create it with classpath:" + script
					+ " (add it to your migrations), or set signals.durable.initialize-schema=true");
		}
		new ResourceDatabasePopulator(new ClassPathResource(script)).execute(dataSource);
	}

	/**
	 * Return the database of a data source, as the scripts name it.
	 */
	static String database(DataSource dataSource) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return database(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the database product", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static String database(String productName) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("postgres")) {
			return "postgresql";
		}
		if (name.contains("h2")) {
			return "h2";
		}
		throw new IllegalStateException(
				"Durable receivers ship their table for PostgreSQL and H2, not for " + productName + "; create "
						+ DurableSettings.TABLE + " from one of the scripts in classpath:" + LOCATION);
	}

	private static boolean exists(DatabaseMetaData metaData, String table) throws SQLException {
		try (ResultSet tables = metaData.getTables(null, null, table, null)) {
			return tables.next();
		}
	}

}
