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
	 * Asynchronous receivers.
	 */
	public static class Async {

		/**
		 * Whether to run asynchronous receivers on virtual threads when the JVM has them
		 * (Java 21 or later). Otherwise a bounded pool is used.
		 */
		private boolean virtualThreads = true;

		/**
		 * Number of threads of the pool used when virtual threads are not.
		 */
		private int poolSize = 8;

		/**
		 * Capacity of the pool's queue; a receiver that does not fit is reported to the
		 * error handler.
		 */
		private int queueCapacity = 10_000;

		/**
		 * How long context shutdown waits for asynchronous receivers still running before
		 * it reports them as cut off.
		 */
		private Duration shutdownTimeout = Duration.ofSeconds(30);

		/**
		 * Prefix of the names of the threads that run asynchronous receivers.
		 */
		private String threadNamePrefix = "signals-";

		public boolean isVirtualThreads() {
			return this.virtualThreads;
		}

		public void setVirtualThreads(boolean virtualThreads) {
			this.virtualThreads = virtualThreads;
		}

		public int getPoolSize() {
			return this.poolSize;
		}

		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

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
