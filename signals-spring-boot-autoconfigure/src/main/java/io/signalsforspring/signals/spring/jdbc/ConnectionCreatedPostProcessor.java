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
import io.signalsforspring.signals.spring.internal.ReceiverMethods;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

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
public final class ConnectionCreatedPostProcessor implements BeanPostProcessor, BeanFactoryAware {

	private final ObjectProvider<DatabaseSignals.ConnectionCreated> signal;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable Boolean needed;

	/**
	 * Create the post-processor.
	 * @param signal the {@code connection_created} signal, looked up on the first new
	 * connection
	 */
	public ConnectionCreatedPostProcessor(ObjectProvider<DatabaseSignals.ConnectionCreated> signal) {
		this.signal = signal;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getJdbcUrl() != null
				&& !pool.isRunning() && isNeeded()) {
			DataSource driver = new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
					pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword());
			pool.setDataSource(new Announcing(driver, beanName));
		}
		return bean;
	}

	/**
	 * Whether anything listens to {@code connection_created}: a {@code @Receiver} method
	 * declared by a bean of the context, or a receiver connected in code before the pool
	 * is created. Otherwise pools are left as they are.
	 */
	private boolean isNeeded() {
		if (this.needed == null) {
			this.needed = !this.signal.getObject().connections().isEmpty() || (this.beanFactory != null
					&& ReceiverMethods.declared(this.beanFactory, DatabaseSignals.ConnectionCreated.class));
		}
		return this.needed;
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
