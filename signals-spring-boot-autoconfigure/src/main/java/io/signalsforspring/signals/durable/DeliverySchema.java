package io.signalsforspring.signals.durable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.StreamUtils;

/**
 * The {@code signals_delivery} table: found in the connection's own schema (or in
 * {@code signals.durable.schema}), or created there from the script shipped for the
 * database, {@code db/signals/durable/<platform>/V1__signals_delivery.sql}, where the
 * platform is Spring Boot's name of the database: {@code postgresql}, {@code mysql} (for
 * MariaDB too), {@code oracle}, {@code sqlserver} or {@code h2}. The scripts are also the
 * Flyway migrations, and {@code db/signals/durable/changelog.xml} applies them with
 * Liquibase. Whether the table may be created follows Spring Boot's
 * {@link DatabaseInitializationMode}, as its own starters' tables do.
 */
public final class DeliverySchema {

	static final String LOCATION = "db/signals/durable/";

	/**
	 * The folders of the shipped scripts, named as Spring Boot's {@code DatabaseDriver}
	 * names the platforms.
	 */
	static final List<String> PLATFORMS = List.of("postgresql", "mysql", "oracle", "sqlserver", "h2");

	private static final Pattern TABLE_REFERENCE = Pattern
		.compile("(?i)\\b(CREATE TABLE|ON)\\s+(" + DurableSettings.TABLE + ")\\b");

	private DeliverySchema() {
	}

	/**
	 * Make sure the table exists.
	 * @param dataSource the data source
	 * @param schema the schema of the table, {@code null} for the connection's own
	 * @param mode when the table may be created: {@code always}, only on an embedded
	 * database, or {@code never}
	 * @throws IllegalStateException if it does not exist and may not be created, naming
	 * the script
	 */
	public static void ensure(DataSource dataSource, @Nullable String schema, DatabaseInitializationMode mode) {
		DeliveryDatabase database = new DeliveryDatabase(dataSource, schema);
		if (exists(database)) {
			return;
		}
		String platform = database.scriptFolder();
		String where = (database.schema() != null) ? "schema " + database.schema() : "the connection's schema";
		if (!PLATFORMS.contains(platform)) {
			throw new IllegalStateException("Durable receivers need the table " + DurableSettings.TABLE + " in " + where
					+ ", and no script is shipped for this database (" + platform
					+ "): create it in db-scheduler's layout, as the scripts in classpath:" + LOCATION
					+ " for PostgreSQL, MySQL, MariaDB, Oracle, SQL Server and H2 do");
		}
		String script = script(platform);
		boolean create = mode == DatabaseInitializationMode.ALWAYS
				|| (mode == DatabaseInitializationMode.EMBEDDED && EmbeddedDatabaseConnection.isEmbedded(dataSource));
		if (!create) {
			throw new IllegalStateException("Durable receivers need the table " + DurableSettings.TABLE + " in " + where
					+ ", which does not exist. Create it with classpath:" + script
					+ " (add it to your Flyway migrations, or include classpath:" + LOCATION
					+ "changelog.xml in your Liquibase change log), or set signals.durable.initialize-schema=always");
		}
		new ResourceDatabasePopulator(new ByteArrayResource(
				qualified(read(script), database.schema()).getBytes(StandardCharsets.UTF_8), script))
			.execute(dataSource);
	}

	static String script(String platform) {
		return LOCATION + platform + "/V1__signals_delivery.sql";
	}

	/** The script with the table named in the schema, when one is set. */
	static String qualified(String script, @Nullable String schema) {
		if (schema == null) {
			return script;
		}
		return TABLE_REFERENCE.matcher(script)
			.replaceAll((match) -> match.group(1) + " " + Matcher.quoteReplacement(schema + "." + match.group(2)));
	}

	private static String read(String script) {
		try {
			return StreamUtils.copyToString(new ClassPathResource(script).getInputStream(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read classpath:" + script, ex);
		}
	}

	/**
	 * Whether the table is in the schema it is used from: the configured one, else the
	 * connection's own (on MySQL and MariaDB, its database). A table of the same name in
	 * another schema of the database is not this application's.
	 */
	private static boolean exists(DeliveryDatabase database) {
		DataSource dataSource = database.dataSource();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			DatabaseMetaData metaData = connection.getMetaData();
			String schema = database.schema();
			String catalog = connection.getCatalog();
			String schemaPattern;
			if (database.schemaIsCatalog()) {
				catalog = (schema != null) ? schema : catalog;
				schemaPattern = null;
			}
			else {
				schemaPattern = (schema != null) ? schema : connection.getSchema();
			}
			String escape = metaData.getSearchStringEscape();
			for (String table : spellings(DurableSettings.TABLE)) {
				for (String inSchema : spellings(schemaPattern)) {
					try (ResultSet tables = metaData.getTables(catalog, escaped(inSchema, escape),
							escaped(table, escape), null)) {
						if (tables.next()) {
							return true;
						}
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not look for the table " + DurableSettings.TABLE, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * A name as given, upper and lower case: databases store unquoted names either way.
	 */
	private static Set<@Nullable String> spellings(@Nullable String name) {
		Set<@Nullable String> spellings = new LinkedHashSet<>();
		spellings.add(name);
		if (name != null) {
			spellings.add(name.toUpperCase(Locale.ROOT));
			spellings.add(name.toLowerCase(Locale.ROOT));
		}
		return spellings;
	}

	private static @Nullable String escaped(@Nullable String name, @Nullable String escape) {
		if (name == null || escape == null || escape.isEmpty()) {
			return name;
		}
		return name.replace("_", escape + "_").replace("%", escape + "%");
	}

}
