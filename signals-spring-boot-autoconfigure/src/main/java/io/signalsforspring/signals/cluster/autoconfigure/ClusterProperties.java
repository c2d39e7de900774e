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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBroker() {
		return this.broker;
	}

	public void setBroker(String broker) {
		this.broker = broker;
	}

	public Map<String, Externalization> getExternalize() {
		return this.externalize;
	}

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

		public @Nullable String getDestination() {
			return this.destination;
		}

		public void setDestination(@Nullable String destination) {
			this.destination = destination;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

	}

}
