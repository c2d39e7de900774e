package io.signalsforspring.signals.cluster.autoconfigure;

import java.time.Duration;

import java.util.LinkedHashMap;
import java.util.Map;

import io.signalsforspring.signals.durable.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of signals across instances.
 */
@ConfigurationProperties("signals.cluster")
public class ClusterProperties {

	/**
	 * Whether receivers can run in every instance over RabbitMQ or Kafka.
	 */
	private boolean enabled = true;

	/**
	 * Which broker carries broadcasts and externalized signals: "auto" (RabbitMQ when
	 * spring.rabbitmq.host or spring.rabbitmq.addresses is set, else Kafka when
	 * spring.kafka.bootstrap-servers is set, else none), "rabbitmq", "kafka" or "none"
	 * (receivers that run in every instance run in this instance only).
	 */
	private String broker = "auto";

	/**
	 * Signals published to a named exchange (RabbitMQ) or topic (Kafka) for other
	 * services, by signal name.
	 */
	private Map<String, Externalization> externalize = new LinkedHashMap<>();

	/**
	 * How long the sending instance's own run of a receiver that runs in every instance
	 * stays recorded before another instance may run it in its place (a crash between the
	 * commit and the run).
	 */
	private Duration senderRunHold = Duration.ofSeconds(30);

	/**
	 * How sends are handed to the broker.
	 */
	private final Relay relay = new Relay();

	/**
	 * Return how long the sending instance's own run stays recorded.
	 * @return the hold
	 */
	public Duration getSenderRunHold() {
		return this.senderRunHold;
	}

	/**
	 * Set how long the sending instance's own run stays recorded.
	 * @param senderRunHold the hold
	 */
	public void setSenderRunHold(Duration senderRunHold) {
		this.senderRunHold = senderRunHold;
	}

	/**
	 * Return how sends are handed to the broker.
	 * @return the relay settings
	 */
	public Relay getRelay() {
		return this.relay;
	}

	/**
	 * Return whether receivers can run in every instance.
	 * @return whether they can
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Set whether receivers can run in every instance.
	 * @param enabled whether they can
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * Return which broker carries broadcasts.
	 * @return {@code auto}, {@code rabbitmq}, {@code kafka} or {@code none}
	 */
	public String getBroker() {
		return this.broker;
	}

	/**
	 * Set which broker carries broadcasts.
	 * @param broker {@code auto}, {@code rabbitmq}, {@code kafka} or {@code none}
	 */
	public void setBroker(String broker) {
		this.broker = broker;
	}

	/**
	 * Return the externalized signals.
	 * @return where each is published, by signal name
	 */
	public Map<String, Externalization> getExternalize() {
		return this.externalize;
	}

	/**
	 * Set the externalized signals.
	 * @param externalize where each is published, by signal name
	 */
	public void setExternalize(Map<String, Externalization> externalize) {
		this.externalize = externalize;
	}

	/**
	 * Where one signal is published for other services.
	 */
	public static class Externalization {

		/**
		 * The exchange (RabbitMQ; declared by the application) or topic (Kafka; created
		 * when missing) the signal's sends are published to.
		 */
		private @Nullable String destination;

		/**
		 * SpEL over the send that computes the routing key (RabbitMQ) or message key
		 * (Kafka), with the arguments as variables (#order.id) and #sender and #signal;
		 * the signal's name when not set. Kafka keeps the order of sends with one key.
		 */
		private @Nullable String key;

		/**
		 * Return the exchange or topic.
		 * @return the destination, or {@code null} if not set
		 */
		public @Nullable String getDestination() {
			return this.destination;
		}

		/**
		 * Set the exchange or topic.
		 * @param destination the destination
		 */
		public void setDestination(@Nullable String destination) {
			this.destination = destination;
		}

		/**
		 * Return the key expression.
		 * @return the SpEL, or {@code null} for the signal's name
		 */
		public @Nullable String getKey() {
			return this.key;
		}

		/**
		 * Set the key expression.
		 * @param key the SpEL
		 */
		public void setKey(@Nullable String key) {
			this.key = key;
		}

	}

	/**
	 * How sends are handed to the broker: on threads of their own, each publish waiting
	 * for the broker's confirm, retried with backoff, then kept as failed.
	 */
	public static class Relay {

		/**
		 * Publications that run at once on one instance, on threads apart from durable
		 * receivers'.
		 */
		private int threads = 2;

		/**
		 * Publish attempts before a send is kept as failed.
		 */
		private int maxAttempts = 20;

		/**
		 * Delay before the second attempt, doubled at each further one.
		 */
		private Duration firstRetryDelay = Duration.ofSeconds(1);

		/**
		 * Longest delay between two attempts.
		 */
		private Duration maxRetryDelay = Duration.ofMinutes(1);

		/**
		 * How long one publish waits for the broker's confirm or acknowledgement.
		 */
		private Duration publishTimeout = Duration.ofSeconds(10);

		/**
		 * Return the number of relay threads.
		 * @return the threads
		 */
		public int getThreads() {
			return this.threads;
		}

		/**
		 * Set the number of relay threads.
		 * @param threads the threads
		 */
		public void setThreads(int threads) {
			this.threads = threads;
		}

		/**
		 * Return the publish attempts before a send is kept as failed.
		 * @return the attempts
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set the publish attempts before a send is kept as failed.
		 * @param maxAttempts the attempts
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * Return the delay before the second attempt.
		 * @return the delay
		 */
		public Duration getFirstRetryDelay() {
			return this.firstRetryDelay;
		}

		/**
		 * Set the delay before the second attempt.
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
		 * Return how long one publish waits for the broker.
		 * @return the timeout
		 */
		public Duration getPublishTimeout() {
			return this.publishTimeout;
		}

		/**
		 * Set how long one publish waits for the broker.
		 * @param publishTimeout the timeout
		 */
		public void setPublishTimeout(Duration publishTimeout) {
			this.publishTimeout = publishTimeout;
		}

		RetryPolicy policy() {
			return new RetryPolicy(this.maxAttempts, this.firstRetryDelay, this.maxRetryDelay);
		}

	}

}
