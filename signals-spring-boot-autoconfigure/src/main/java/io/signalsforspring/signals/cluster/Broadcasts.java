package io.signalsforspring.signals.cluster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.Envelope;
import io.signalsforspring.signals.durable.Outgoing;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import io.signalsforspring.signals.spring.internal.BroadcastDeliveries;
import io.signalsforspring.signals.spring.internal.ConnectedReceiver;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * What every broker's broadcasts share: sends are recorded in the durable outbox with the
 * sending transaction (nothing for a rollback, a broker outage only delays them), the
 * outbox publishes their envelope after the commit. The sending instance runs the
 * receiver right after its commit; every other instance runs it once when the envelope
 * reaches it (the sender skips its own). Signals externalized for other services go
 * through the same outbox to a destination of their own. The broker publishes and hands
 * back envelopes; it starts consuming only when a receiver runs in every instance.
 * <p>
 * Each send is observed as {@code signals.broadcast.publish} in the sending thread, whose
 * trace context travels in the message headers; each envelope that comes back is observed
 * as {@code signals.broadcast.receive}, continuing that trace.
 */
public abstract class Broadcasts implements BroadcastDeliveries, BroadcastReceivers, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final DeliveryEngine engine;

	private final String group;

	private final Map<DurableReceiver, DurableReceiver> relays = new ConcurrentHashMap<>();

	private final BroadcastStatistics statistics = new BroadcastStatistics();

	private volatile ObservationRegistry observations = ObservationRegistry.NOOP;

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
		this.relays.put(receiver, this.engine.registerBroadcast(receiver, (envelope) -> {
			send(null, envelope);
			published(null, envelope);
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
		String id = this.engine.record(relay, event, new Outgoing(null, traceContext(event.signal().name(), null)));
		Map<String, @Nullable Object> arguments = new HashMap<>(event.arguments());
		arguments.put(DurableReceiver.DELIVERY_ID, id);
		SignalEvent here = SignalEvent.of(event.signal(), event.sender(), arguments);
		AfterCommit.run(() -> runHere(receiver, here));
	}

	/**
	 * Run a receiver in the sending instance, right after the commit: the other instances
	 * run it when the broadcast reaches them, this one skips its own envelope.
	 */
	private void runHere(DurableReceiver receiver, SignalEvent event) {
		try {
			receiver.invoke(event);
		}
		catch (Exception ex) {
			logger.error("Receiver {} of broadcast {} ({}) failed in this instance", receiver.name(),
					event.get(DurableReceiver.DELIVERY_ID), event.signal().name(), ex);
		}
	}

	/**
	 * Externalize a signal for other services: each send is recorded in the outbox with
	 * the sending transaction and published after the commit to the destination, under
	 * the key computed from the send.
	 * @param signal the signal
	 * @param destination the exchange (RabbitMQ) or topic (Kafka)
	 * @param key the routing or message key of a send, or {@code null} for the signal's
	 * name
	 * @return the connection to the signal
	 */
	public final Connection externalize(Signal signal, String destination,
			Function<SignalEvent, @Nullable String> key) {
		prepare(destination);
		DurableReceiver relay = this.engine.registerRelay(signal, "externalize:" + destination, (envelope) -> {
			send(destination, envelope);
			published(destination, envelope);
		});
		this.statistics.destination(signal.name(), destination);
		return signal.connect((event) -> {
			this.engine.record(relay, event, new Outgoing(key.apply(event), traceContext(signal.name(), destination)));
			return null;
		}, null, false, "externalize:" + destination);
	}

	/**
	 * The trace context of a send, from the observation of its publication: what goes in
	 * the message headers so that receptions continue the sender's trace.
	 */
	private Map<String, String> traceContext(String signal, @Nullable String destination) {
		Map<String, String> headers = new LinkedHashMap<>();
		SenderContext<Map<String, String>> context = new SenderContext<>((carrier, name, value) -> {
			if (carrier != null) {
				carrier.put(name, value);
			}
		}, Kind.PRODUCER);
		context.setCarrier(headers);
		context.setRemoteServiceName(broker());
		Observation.createNotStarted("signals.broadcast.publish", () -> context, this.observations)
			.contextualName(signal + " publish")
			.lowCardinalityKeyValue("signal", signal)
			.lowCardinalityKeyValue("broker", broker())
			.lowCardinalityKeyValue("destination", (destination != null) ? destination : "broadcast")
			.observe(() -> {
			});
		return headers;
	}

	private void published(@Nullable String destination, Envelope envelope) {
		this.statistics.published(envelope.signal(), destination);
		this.onPublished.run();
	}

	/**
	 * The headers of a published message: {@code signal}, {@code delivery-id},
	 * {@code origin} and {@code time}, with the trace context captured when it was sent.
	 * @param envelope the envelope
	 * @return the headers
	 */
	protected static Map<String, String> headers(Envelope envelope) {
		Map<String, String> headers = new HashMap<>(envelope.headers());
		headers.put("signal", envelope.signal());
		headers.put("delivery-id", envelope.id());
		headers.put("origin", envelope.origin());
		headers.put("time", envelope.time().toString());
		return headers;
	}

	/**
	 * Return the broker's name, as meters and observations tag it.
	 * @return {@code rabbitmq} or {@code kafka}
	 */
	protected abstract String broker();

	/**
	 * Make sure a destination of externalized signals can be published to.
	 * @param destination the exchange or topic
	 */
	protected abstract void prepare(String destination);

	/**
	 * Publish an envelope to the broker, throwing if the broker did not take it (the
	 * outbox then retries).
	 * @param destination the destination of an externalized signal, or {@code null} for a
	 * broadcast to the application's instances
	 * @param envelope the envelope
	 */
	protected abstract void send(@Nullable String destination, Envelope envelope);

	/**
	 * Start consuming this instance's broadcasts, handing each envelope to
	 * {@link #received(String, Function)}.
	 */
	protected abstract void startConsuming();

	/**
	 * Stop consuming.
	 */
	protected abstract void stopConsuming();

	/**
	 * Run the local receiver of an envelope that came back from the broker, in an
	 * observation that continues the sender's trace.
	 * @param body the envelope
	 * @param headers the message's headers by name
	 */
	protected final void received(String body, Function<String, @Nullable String> headers) {
		this.onReceived.run();
		String signal = String.valueOf(headers.apply("signal"));
		this.statistics.received(signal);
		ReceiverContext<Function<String, @Nullable String>> context = new ReceiverContext<>(
				(carrier, name) -> carrier.apply(name), Kind.CONSUMER);
		context.setCarrier(headers);
		context.setRemoteServiceName(broker());
		Observation.createNotStarted("signals.broadcast.receive", () -> context, this.observations)
			.contextualName(signal + " receive")
			.lowCardinalityKeyValue("signal", signal)
			.lowCardinalityKeyValue("broker", broker())
			.observe(() -> this.engine.receiveBroadcast(body));
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
	 * Observe publications and receptions.
	 * @param observations the registry
	 */
	public final void observeWith(ObservationRegistry observations) {
		this.observations = observations;
	}

	/**
	 * Return what was published and received, per signal.
	 * @return the statistics
	 */
	final BroadcastStatistics statistics() {
		return this.statistics;
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
		return this.engine.origin();
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
