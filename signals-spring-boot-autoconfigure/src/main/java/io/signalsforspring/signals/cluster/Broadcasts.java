package io.signalsforspring.signals.cluster;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import io.signalsforspring.signals.spring.internal.BroadcastDeliveries;
import io.signalsforspring.signals.spring.internal.ConnectedReceiver;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * What every broker's broadcasts share: sends are recorded in the durable outbox with the
 * sending transaction (nothing for a rollback, a broker outage only delays them), the
 * outbox publishes their envelope after the commit, and every instance runs its receiver
 * once when the envelope comes back. The broker receives and hands back envelopes; it
 * starts consuming only when a receiver runs in every instance.
 */
public abstract class Broadcasts implements BroadcastDeliveries, BroadcastReceivers, SmartLifecycle {

	private final DeliveryEngine engine;

	private final String group;

	private final String origin = UUID.randomUUID().toString();

	private final Map<DurableReceiver, DurableReceiver> relays = new ConcurrentHashMap<>();

	private volatile boolean running;

	private volatile Runnable onPublished = () -> {
	};

	private volatile Runnable onReceived = () -> {
	};

	private volatile boolean consuming;

	/**
	 * Create the broadcasts of an application.
	 * @param engine the durable delivery engine (the outbox)
	 * @param group the application's group ({@code signals.durable.group})
	 */
	protected Broadcasts(DeliveryEngine engine, String group) {
		this.engine = engine;
		this.group = group;
	}

	@Override
	public final void register(DurableReceiver receiver) {
		this.relays.put(receiver, this.engine.registerBroadcast(receiver, (signal, deliveryId, envelope) -> {
			send(signal, deliveryId, envelope);
			this.onPublished.run();
		}));
		if (this.running && !this.consuming) {
			start();
		}
	}

	@Override
	public final Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver) {
		DurableReceiver connected = new ConnectedReceiver(signal, name, receiver);
		register(connected);
		return signal.connect((event) -> {
			publish(connected, event);
			return null;
		}, sender, false, "broadcast:" + name);
	}

	@Override
	public final void publish(DurableReceiver receiver, SignalEvent event) {
		DurableReceiver relay = this.relays.get(receiver);
		if (relay == null) {
			throw new IllegalStateException("Receiver " + receiver.name() + " is not registered for broadcasts");
		}
		this.engine.record(relay, event);
	}

	/**
	 * Publish an envelope to the broker, throwing if the broker did not take it (the
	 * outbox then retries).
	 * @param signal the signal's name
	 * @param deliveryId the outbox delivery's id
	 * @param envelope the JSON envelope
	 */
	protected abstract void send(String signal, String deliveryId, String envelope);

	/**
	 * Start consuming this instance's broadcasts, handing each envelope to
	 * {@link #received(String)}.
	 */
	protected abstract void startConsuming();

	/**
	 * Stop consuming.
	 */
	protected abstract void stopConsuming();

	/**
	 * Run the local receiver of an envelope that came back from the broker.
	 * @param envelope the envelope
	 */
	protected final void received(String envelope) {
		this.onReceived.run();
		this.engine.receiveBroadcast(envelope);
	}

	/**
	 * Count publications and receptions.
	 * @param published what to run for each envelope the broker took
	 * @param received what to run for each envelope that came back
	 */
	final void count(Runnable published, Runnable received) {
		this.onPublished = published;
		this.onReceived = received;
	}

	/**
	 * Return the application's group.
	 * @return the group
	 */
	protected final String group() {
		return this.group;
	}

	/**
	 * Return this instance's id, sent as the {@code origin} of its publications.
	 * @return the id
	 */
	protected final String origin() {
		return this.origin;
	}

	@Override
	public final synchronized void start() {
		this.running = true;
		if (this.relays.isEmpty() || this.consuming) {
			return;
		}
		startConsuming();
		this.consuming = true;
	}

	@Override
	public final synchronized void stop() {
		this.running = false;
		if (this.consuming) {
			this.consuming = false;
			stopConsuming();
		}
	}

	@Override
	public final boolean isRunning() {
		return this.consuming;
	}

	/**
	 * Start after the outbox engine, stop before it.
	 */
	@Override
	public final int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
