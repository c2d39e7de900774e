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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Transaction getTransaction() {
		return this.transaction;
	}

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

		public boolean isRunWithoutTransaction() {
			return this.runWithoutTransaction;
		}

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

		public Duration getShutdownTimeout() {
			return this.shutdownTimeout;
		}

		public void setShutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
		}

		public String getThreadNamePrefix() {
			return this.threadNamePrefix;
		}

		public void setThreadNamePrefix(String threadNamePrefix) {
			this.threadNamePrefix = threadNamePrefix;
		}

	}

}
