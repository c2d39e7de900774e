package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a send carries besides its arguments, recorded with it in the outbox: the message
 * key and headers of a send that leaves for a broker (the trace context, captured in the
 * sending thread), and, for a delivery recorded on purpose, the id it must have and how
 * long it is held before it may run.
 *
 * @param key the routing key (RabbitMQ) or message key (Kafka), or {@code null} for the
 * broker's default
 * @param headers the headers to publish with it
 * @param id the delivery id to record it under, or {@code null} for a new one
 * @param hold how long after the commit it is first due; zero for at once
 */
public record Outgoing(@Nullable String key, Map<String, String> headers, @Nullable String id, Duration hold) {

	/** Nothing besides the arguments. */
	public static final Outgoing NONE = new Outgoing(null, Map.of());

	/**
	 * Create it, copying the headers.
	 * @param key the routing or message key, or {@code null} for the broker's default
	 * @param headers the headers to publish with it
	 * @param id the delivery id to record it under, or {@code null} for a new one
	 * @param hold how long after the commit it is first due; zero for at once
	 */
	public Outgoing {
		headers = Map.copyOf(headers);
		if (hold.isNegative()) {
			throw new IllegalArgumentException("hold must not be negative: " + hold);
		}
	}

	/**
	 * A send for a broker: a new id, due at once.
	 * @param key the routing or message key, or {@code null} for the broker's default
	 * @param headers the headers to publish with it
	 */
	public Outgoing(@Nullable String key, Map<String, String> headers) {
		this(key, headers, null, Duration.ZERO);
	}

	/**
	 * A delivery under a given id, held for a while before it may run.
	 * @param id the delivery id
	 * @param hold how long after the commit it is first due
	 * @return the outgoing
	 */
	public static Outgoing held(String id, Duration hold) {
		return new Outgoing(null, Map.of(), id, hold);
	}

}
