package io.signalsforspring.signals.durable;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a send that leaves for a broker carries besides its arguments, recorded with it in
 * the outbox: the message key, and the message headers captured in the sending thread
 * (the trace context).
 *
 * @param key the routing key (RabbitMQ) or message key (Kafka), or {@code null} for the
 * broker's default
 * @param headers the headers to publish with it
 */
public record Outgoing(@Nullable String key, Map<String, String> headers) {

	/** Nothing besides the arguments. */
	public static final Outgoing NONE = new Outgoing(null, Map.of());

	/**
	 * Create it, copying the headers.
	 * @param key the routing or message key, or {@code null} for the broker's default
	 * @param headers the headers to publish with it
	 */
	public Outgoing {
		headers = Map.copyOf(headers);
	}

}
