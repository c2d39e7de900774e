package io.signalsforspring.signals.cluster.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

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

}
