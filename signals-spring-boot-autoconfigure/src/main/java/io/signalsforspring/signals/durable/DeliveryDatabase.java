package io.signalsforspring.signals.durable;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * The database that holds the delivery table, as the libraries that know databases see
 * it: its platform as Spring Boot names it ({@link DatabaseDriver}, the names of the
 * shipped scripts), db-scheduler's SQL for it ({@link AutodetectJdbcCustomization}), and
 * the table's name, in {@code signals.durable.schema} when that is set, else in the
 * connection's own schema.
 */
final class DeliveryDatabase {

	private final DataSource dataSource;

	private final @Nullable String schema;

	private final SingletonSupplier<DatabaseDriver> driver = SingletonSupplier.of(this::detectDriver);

	private final SingletonSupplier<JdbcCustomization> customization = SingletonSupplier
		.of(() -> new AutodetectJdbcCustomization(dataSource(), schemaIsCatalog()));

	DeliveryDatabase(DataSource dataSource, @Nullable String schema) {
		this.dataSource = dataSource;
		this.schema = (schema != null && !schema.isBlank()) ? schema.strip() : null;
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The schema the table is in when it is not the connection's own.
	 * @return {@code signals.durable.schema}, or {@code null}
	 */
	@Nullable String schema() {
		return this.schema;
	}

	/**
	 * The table's name as the queries use it.
	 * @return {@code signals_delivery}, qualified with the schema when one is set
	 */
	String table() {
		return (this.schema != null) ? this.schema + "." + DurableSettings.TABLE : DurableSettings.TABLE;
	}

	/**
	 * The platform as Spring Boot names it: {@code postgresql}, {@code mysql},
	 * {@code mariadb}, {@code oracle}, {@code sqlserver}, {@code h2}, ...
	 * @return the platform
	 */
	String platform() {
		return this.driver.obtain().getId();
	}

	boolean isPostgres() {
		return this.driver.obtain() == DatabaseDriver.POSTGRESQL;
	}

	/**
	 * The folder of the shipped script: the platform's, but MySQL's for MariaDB, which
	 * takes the same SQL.
	 * @return the folder under {@code db/signals/durable/}
	 */
	String scriptFolder() {
		return (this.driver.obtain() == DatabaseDriver.MARIADB) ? DatabaseDriver.MYSQL.getId() : platform();
	}

	/** Whether the database's schema is the catalog (MySQL and MariaDB databases). */
	boolean schemaIsCatalog() {
		DatabaseDriver detected = this.driver.obtain();
		return detected == DatabaseDriver.MYSQL || detected == DatabaseDriver.MARIADB;
	}

	/**
	 * db-scheduler's SQL for this database. MySQL and MariaDB (the databases whose schema
	 * is the catalog) keep times in zone-less {@code DATETIME(6)} columns, so they are
	 * written and read in UTC there.
	 * @return the customization
	 */
	JdbcCustomization customization() {
		return this.customization.obtain();
	}

	private DatabaseDriver detectDriver() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return DatabaseDriver.fromJdbcUrl(connection.getMetaData().getURL());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read which database holds " + DurableSettings.TABLE, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
