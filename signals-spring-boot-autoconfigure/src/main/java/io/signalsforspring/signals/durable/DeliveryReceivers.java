package io.signalsforspring.signals.durable;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;

/**
 * The receivers this instance can deliver to, by signal name and receiver name: durable
 * receivers, run on the delivery threads, and relays, which hand a send to a broker on
 * threads of their own.
 */
final class DeliveryReceivers {

	private final Map<String, Registered> receivers = new ConcurrentHashMap<>();

	private final Set<Signal> signals = ConcurrentHashMap.newKeySet();

	void add(DurableReceiver receiver, RetryPolicy policy, Outbox.@Nullable Relay relay) {
		this.receivers.put(key(receiver.signal().name(), receiver.name()), new Registered(receiver, policy, relay));
		this.signals.add(receiver.signal());
	}

	boolean contains(String signal, String receiver) {
		return this.receivers.containsKey(key(signal, receiver));
	}

	@Nullable Registered get(String signal, String receiver) {
		return this.receivers.get(key(signal, receiver));
	}

	boolean hasReceivers(Signal signal) {
		return this.signals.contains(signal);
	}

	boolean hasDurableReceivers() {
		return this.receivers.values().stream().anyMatch((registered) -> registered.relay() == null);
	}

	boolean hasRelays() {
		return this.receivers.values().stream().anyMatch((registered) -> registered.relay() != null);
	}

	int size() {
		return this.receivers.size();
	}

	private static String key(String signal, String receiver) {
		return signal + " " + receiver;
	}

	/**
	 * A receiver with its retry policy; a relay publishes instead of being invoked.
	 */
	record Registered(DurableReceiver receiver, RetryPolicy policy, Outbox.@Nullable Relay relay) {

	}

}
