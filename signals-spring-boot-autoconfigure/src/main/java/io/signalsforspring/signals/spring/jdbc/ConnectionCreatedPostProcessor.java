package io.signalsforspring.signals.spring.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import io.signalsforspring.signals.DatabaseSignals;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Sends {@code connection_created} each time a HikariCP pool opens a new physical
 * connection (not when it lends out a pooled one), without wrapping the connections: the
 * pool is given, as the source of its physical connections, a data source that wraps only
 * connection creation. Applies to pools configured with a JDBC URL and not yet started,
 * and only when a receiver listens: a {@code @Receiver} method of a bean of the context,
 * or a receiver connected in code before the pool is created. The signal is sent on the
 * pool's thread that opens the connection; the sender is {@link HikariDataSource},
 * {@code connection} the new physical connection and {@code using} the data source's bean
 * name.
 */
public final class ConnectionCreatedPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<DatabaseSignals.ConnectionCreated> signal;

	/**
	 * Create the post-processor.
	 * @param signal the {@code connection_created} signal, looked up on the first new
	 * connection
	 */
	public ConnectionCreatedPostProcessor(ObjectProvider<DatabaseSignals.ConnectionCreated> signal) {
		this.signal = signal;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null
				&& !pool.isRunning()) {
			DataSource driver = new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
					pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword());
			pool.setDataSource(new Announcing(driver, beanName));
		}
		return bean;
	}

	/** Opens physical connections through the driver and announces each one. */
	private final class Announcing implements DataSource {

		private final DataSource driver;

		private final String using;

		Announcing(DataSource driver, String using) {
			this.driver = driver;
			this.using = using;
		}

		@Override
		public Connection getConnection() throws SQLException {
			return announce(this.driver.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return announce(this.driver.getConnection(username, password));
		}

		private Connection announce(Connection connection) {
			DatabaseSignals.ConnectionCreated created = ConnectionCreatedPostProcessor.this.signal.getObject();
			if (created.hasListeners(HikariDataSource.class)) {
				created.send(HikariDataSource.class, Map.of("connection", connection, "using", this.using));
			}
			return connection;
		}

		@Override
		public PrintWriter getLogWriter() throws SQLException {
			return this.driver.getLogWriter();
		}

		@Override
		public void setLogWriter(PrintWriter out) throws SQLException {
			this.driver.setLogWriter(out);
		}

		@Override
		public void setLoginTimeout(int seconds) throws SQLException {
			this.driver.setLoginTimeout(seconds);
		}

		@Override
		public int getLoginTimeout() throws SQLException {
			return this.driver.getLoginTimeout();
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			return this.driver.getParentLogger();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			return this.driver.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws SQLException {
			return this.driver.isWrapperFor(type);
		}

	}

}
