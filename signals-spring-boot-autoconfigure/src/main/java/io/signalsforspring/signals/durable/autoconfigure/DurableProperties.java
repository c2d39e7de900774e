package io.signalsforspring.signals.durable.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Configuration properties of durable receivers.
 */
@ConfigurationProperties("signals.durable")
public class DurableProperties {

	/**
	 * Whether durable receivers are available (when db-scheduler is on the class path and
	 * the application has a DataSource).
	 */
	private boolean enabled = true;

	/**
	 * How many attempts a delivery gets before it is kept as failed.
	 */
	private int maxAttempts = 10;

	/**
	 * Delay before the first retry; doubled at each further retry, with jitter.
	 */
	private Duration firstRetryDelay = Duration.ofSeconds(2);

	/**
	 * Longest delay between two attempts.
	 */
	private Duration maxRetryDelay = Duration.ofSeconds(30);

	/**
	 * How many deliveries run at once on one instance.
	 */
	private int threads = 4;

	/**
	 * How often retries and the deliveries of stopped instances are looked for.
	 */
	private Duration pollingInterval = Duration.ofSeconds(5);

	/**
	 * How often a running delivery renews its claim; a claim not renewed for four
	 * intervals is taken over by another instance.
	 */
	private Duration heartbeatInterval = Duration.ofSeconds(5);

	/**
	 * How long shutdown waits for running deliveries.
	 */
	private Duration shutdownMaxWait = Duration.ofSeconds(30);

	/**
	 * Name under which this application's deliveries are stored; every instance of the
	 * application shares it, and other applications using the same database have their
	 * own. Defaults to spring.application.name, or "application".
	 */
	private @Nullable String group;

	/**
	 * How long done deliveries are kept (as "done") before they are deleted; zero deletes
	 * them as soon as they succeed.
	 */
	private Duration keepDoneFor = Duration.ZERO;

	/**
	 * How long failed and quarantined deliveries are kept, from their last failure,
	 * before they are deleted.
	 */
	private Duration keepFailedFor = Duration.ofDays(30);

	/**
	 * How long one attempt may run before its thread is interrupted and the attempt
	 * counts as failed (its transaction rolls back); zero for no limit.
	 */
	private Duration attemptTimeout = Duration.ofMinutes(5);

	/**
	 * How long a delivery whose receiver an instance does not know (an older or newer
	 * version during a rolling deploy) is given back for other instances before it is
	 * quarantined.
	 */
	private Duration unknownReceiverGrace = Duration.ofMinutes(10);

	/**
	 * When to create the signals_delivery table at start-up if it does not exist and the
	 * application does not migrate with Flyway: on an embedded database only, always, or
	 * never.
	 */
	private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

	/**
	 * The schema (on MySQL and MariaDB, the database) of the signals_delivery table; by
	 * default the connection's own.
	 */
	private @Nullable String schema;

	/**
	 * Return whether durable receivers are available.
	 * @return whether durable receivers are available
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether durable receivers are available.
	 * @param enabled whether durable receivers are available
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return how many attempts a delivery gets.
	 * @return the number of attempts
	 */
	public int getMaxAttempts() {
		return this.maxAttempts;
	}

	/**
	 * Set how many attempts a delivery gets.
	 * @param maxAttempts the number of attempts
	 */
	public void setMaxAttempts(int maxAttempts) {
		this.maxAttempts = maxAttempts;
	}

	/**
	 * Return the delay before the first retry.
	 * @return the delay
	 */
	public Duration getFirstRetryDelay() {
		return this.firstRetryDelay;
	}

	/**
	 * Set the delay before the first retry.
	 * @param firstRetryDelay the delay
	 */
	public void setFirstRetryDelay(Duration firstRetryDelay) {
		this.firstRetryDelay = firstRetryDelay;
	}

	/**
	 * Return the longest delay between two attempts.
	 * @return the delay
	 */
	public Duration getMaxRetryDelay() {
		return this.maxRetryDelay;
	}

	/**
	 * Set the longest delay between two attempts.
	 * @param maxRetryDelay the delay
	 */
	public void setMaxRetryDelay(Duration maxRetryDelay) {
		this.maxRetryDelay = maxRetryDelay;
	}

	/**
	 * Return how many deliveries run at once on one instance.
	 * @return the number of threads
	 */
	public int getThreads() {
		return this.threads;
	}

	/**
	 * Set how many deliveries run at once on one instance.
	 * @param threads the number of threads
	 */
	public void setThreads(int threads) {
		this.threads = threads;
	}

	/**
	 * Return how often due deliveries are looked for.
	 * @return the interval
	 */
	public Duration getPollingInterval() {
		return this.pollingInterval;
	}

	/**
	 * Set how often due deliveries are looked for.
	 * @param pollingInterval the interval
	 */
	public void setPollingInterval(Duration pollingInterval) {
		this.pollingInterval = pollingInterval;
	}

	/**
	 * Return how often a running delivery renews its claim.
	 * @return the interval
	 */
	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	/**
	 * Set how often a running delivery renews its claim.
	 * @param heartbeatInterval the interval
	 */
	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * Return how long shutdown waits for running deliveries.
	 * @return the time
	 */
	public Duration getShutdownMaxWait() {
		return this.shutdownMaxWait;
	}

	/**
	 * Set how long shutdown waits for running deliveries.
	 * @param shutdownMaxWait the time
	 */
	public void setShutdownMaxWait(Duration shutdownMaxWait) {
		this.shutdownMaxWait = shutdownMaxWait;
	}

	/**
	 * Return the name under which this application's deliveries are stored.
	 * @return the group, or {@code null} for the application's name
	 */
	public @Nullable String getGroup() {
		return this.group;
	}

	/**
	 * Set the name under which this application's deliveries are stored.
	 * @param group the group
	 */
	public void setGroup(@Nullable String group) {
		this.group = group;
	}

	/**
	 * Return how long done deliveries are kept.
	 * @return the time, zero to delete them at once
	 */
	public Duration getKeepDoneFor() {
		return this.keepDoneFor;
	}

	/**
	 * Set how long done deliveries are kept.
	 * @param keepDoneFor the time, zero to delete them at once
	 */
	public void setKeepDoneFor(Duration keepDoneFor) {
		this.keepDoneFor = keepDoneFor;
	}

	/**
	 * Return whether to create the table at start-up.
	 * @return whether to create the table
	 */
	public DatabaseInitializationMode getInitializeSchema() {
		return this.initializeSchema;
	}

	/**
	 * Set whether to create the table at start-up.
	 * @param initializeSchema whether to create the table
	 */
	public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
		this.initializeSchema = initializeSchema;
	}

	/**
	 * Return the schema of the table.
	 * @return the schema, or {@code null} for the connection's own
	 */
	public @Nullable String getSchema() {
		return this.schema;
	}

	/**
	 * Set the schema of the table.
	 * @param schema the schema, or {@code null} for the connection's own
	 */
	public void setSchema(@Nullable String schema) {
		this.schema = schema;
	}

	/**
	 * Return how long failed and quarantined deliveries are kept.
	 * @return the time from their last failure
	 */
	public Duration getKeepFailedFor() {
		return this.keepFailedFor;
	}

	/**
	 * Set how long failed and quarantined deliveries are kept.
	 * @param keepFailedFor the time from their last failure
	 */
	public void setKeepFailedFor(Duration keepFailedFor) {
		this.keepFailedFor = keepFailedFor;
	}

	/**
	 * Return how long one attempt may run.
	 * @return the time, zero for no limit
	 */
	public Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	/**
	 * Set how long one attempt may run.
	 * @param attemptTimeout the time, zero for no limit
	 */
	public void setAttemptTimeout(Duration attemptTimeout) {
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * Return how long a delivery of an unknown receiver is given back.
	 * @return the grace period
	 */
	public Duration getUnknownReceiverGrace() {
		return this.unknownReceiverGrace;
	}

	/**
	 * Set how long a delivery of an unknown receiver is given back.
	 * @param unknownReceiverGrace the grace period
	 */
	public void setUnknownReceiverGrace(Duration unknownReceiverGrace) {
		this.unknownReceiverGrace = unknownReceiverGrace;
	}

}
