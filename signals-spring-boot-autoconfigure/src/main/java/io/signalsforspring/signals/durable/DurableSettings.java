package io.signalsforspring.signals.durable;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The settings of durable delivery.
 *
 * @param retry the default retry policy of durable receivers
 * @param threads how many deliveries run at once on one instance
 * @param pollingInterval how often due deliveries (retries, deliveries of stopped
 * instances) are looked for
 * @param heartbeatInterval how often a running delivery's claim is renewed
 * @param missedHeartbeatsLimit how many renewals may be missed before the claim is taken
 * over
 * @param shutdownMaxWait how long shutdown waits for running deliveries
 * @param group the name under which this application's deliveries are stored; every
 * instance of one application shares it, other applications on the same database have
 * their own
 * @param groupDefaulted whether the group is the fallback {@code application}, which
 * other applications that name no group share
 * @param keepDoneFor how long done deliveries are kept before they are deleted; zero
 * deletes them at once
 * @param keepFailedFor how long failed and quarantined deliveries are kept, from their
 * last failure, before they are deleted
 * @param attemptTimeout how long one attempt may run before it is interrupted and counted
 * as failed; zero for no limit
 * @param unknownReceiverGrace how long a delivery whose receiver an instance does not
 * know is given back for other instances (a rolling deploy) before it is quarantined
 * @param relayThreads how many broker publications run at once on one instance, on
 * threads of their own
 * @param batch whether a transaction's deliveries are written in one batch before the
 * commit; only safe when the Hibernate bridge flushes sessions at the start of the
 * before-commit phase ({@code signals.jpa.before-commit-flush}, on by default), or
 * without Hibernate
 * @param schema the schema of the table, {@code null} for the connection's own
 */
public record DurableSettings(RetryPolicy retry, int threads, Duration pollingInterval, Duration heartbeatInterval,
		int missedHeartbeatsLimit, Duration shutdownMaxWait, String group, boolean groupDefaulted, Duration keepDoneFor,
		Duration keepFailedFor, Duration attemptTimeout, Duration unknownReceiverGrace, int relayThreads, boolean batch,
		@Nullable String schema) {

	/** The table of deliveries. */
	public static final String TABLE = "signals_delivery";

	/** The group of an application that names none. */
	public static final String DEFAULT_GROUP = "application";

	/**
	 * The db-scheduler task name of the broker publications of a group.
	 * @return the group with {@code -relay}
	 */
	String relayTask() {
		return this.group + "-relay";
	}

}
