package io.signalsforspring.signals.spring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for signals.
 */
@ConfigurationProperties("signals")
public class SignalsProperties {

	/**
	 * Whether to enable signals: the built-in signals, @Receiver methods and the bridges.
	 */
	private boolean enabled = true;

	private final Transaction transaction = new Transaction();

	private final Async async = new Async();

	/**
	 * Return whether signals are enabled.
	 * @return whether signals are enabled
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether signals are enabled.
	 * @param enabled whether signals are enabled
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return the properties of commit-phase receivers.
	 * @return the properties of commit-phase receivers
	 */
	public Transaction getTransaction() {
		return this.transaction;
	}

	/**
	 * Return the properties of asynchronous receivers.
	 * @return the properties of asynchronous receivers
	 */
	public Async getAsync() {
		return this.async;
	}

	/**
	 * Commit-phase receivers.
	 */
	public static class Transaction {

		/**
		 * Whether receivers of a commit phase run at once when their signal is sent
		 * outside a transaction, as Django's on_commit does. When false, they do not run
		 * at all.
		 */
		private boolean runWithoutTransaction = true;

		/**
		 * Return whether commit-phase receivers run at once outside a transaction.
		 * @return whether they run at once outside a transaction
		 */
		public boolean isRunWithoutTransaction() {
			return this.runWithoutTransaction;
		}

		/**
		 * Set whether commit-phase receivers run at once outside a transaction.
		 * @param runWithoutTransaction whether they run at once outside a transaction
		 */
		public void setRunWithoutTransaction(boolean runWithoutTransaction) {
			this.runWithoutTransaction = runWithoutTransaction;
		}

	}

	/**
	 * Asynchronous receivers. Their executor is built with Spring Boot's task-execution
	 * builders: its pool is configured by spring.task.execution.*, and it uses virtual
	 * threads when spring.threads.virtual.enabled is set.
	 */
	public static class Async {

		/**
		 * How long context shutdown waits for asynchronous receivers still running before
		 * it reports them as cut off.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/**
		 * Prefix of the names of the threads that run asynchronous receivers.
		 */
		private String threadNamePrefix = "signals-";

		/**
		 * Return how long shutdown waits for asynchronous receivers.
		 * @return how long shutdown waits
		 */
		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		/**
		 * Set how long shutdown waits for asynchronous receivers.
		 * @param shutdownTimeout how long shutdown waits
		 */
		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		/**
		 * Return the prefix of the executor's thread names.
		 * @return the prefix
		 */
		public String getThreadNamePrefix() {
			return this.threadNamePrefix;
		}

		/**
		 * Set the prefix of the executor's thread names.
		 * @param threadNamePrefix the prefix
		 */
		public void setThreadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = threadNamePrefix;
		}

	}

}
