package io.signalsforspring.signals.cluster;

import java.time.Duration;
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
import io.signalsforspring.signals.durable.Outbox;
import io.signalsforspring.signals.durable.RefusedMessageException;
import io.signalsforspring.signals.durable.RetryPolicy;
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
 * sending transaction (nothing for a rollback), and the outbox publishes their envelope
 * after the commit, on relay threads of its own, retrying as
 * {@code signals.cluster.relay.*} says and keeping what the broker never took as failed.
 * Every instance runs the receiver once when the envelope reaches it. The sending
 * instance runs it right after its commit (so that what it serves next is fresh); that
 * run is also recorded with the send, held for {@code signals.cluster.sender-run-hold},
 * and deleted once it ran, so that a crash between the commit and the run does not lose
 * it: after the hold, the instance that takes over the sender's deliveries (the sender
 * itself once restarted) runs it. Signals externalized for other services go through the
 * same outbox to a destination of their own. The broker publishes and hands back
 * envelopes; it starts consuming only when a receiver runs in every instance.
 * <p>
 * Each send is observed as {@code signals.broadcast.publish} in the sending thread, whose
 * trace context travels in the message headers; each envelope that comes back is observed
 * as {@code signals.broadcast.receive}, continuing that trace.
 */
public abstract class Broadcasts implements BroadcastDeliveries, BroadcastReceivers, SmartLifecycle {

	/** The suffix of the id of a sending instance's own run, recorded with the send. */
	static final String HERE = ".here";

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final Outbox outbox;

	private final RetryPolicy relayPolicy;

	private final Duration senderRunHold;

	private final BroadcastInbox inbox;

	private final Map<DurableReceiver, Registered> registered = new ConcurrentHashMap<>();

	private final BroadcastStatistics statistics = new BroadcastStatistics();

	private volatile ObservationRegistry observations = ObservationRegistry.NOOP;

	private volatile boolean running;

	private volatile Runnable onPublished = () -> {
	};

	private volatile Runnable onReceived = () -> {
	};

	private volatile Runnable onFailed = () -> {
	};

	private volatile Runnable onRefused = () -> {
	};

	private volatile boolean consuming;

	/**
	 * Create the broadcasts of an application.
	 * @param outbox the durable outbox
	 * @param relayPolicy how often and how soon a publication is tried again before it is
	 * kept as failed
	 * @param senderRunHold how long the sending instance's own run waits, recorded,
	 * before another instance may run it in its place
	 */
	protected Broadcasts(Outbox outbox, RetryPolicy relayPolicy, Duration senderRunHold) {
		this.outbox = outbox;
		this.relayPolicy = relayPolicy;
		this.senderRunHold = senderRunHold;
		this.inbox = new BroadcastInbox(outbox);
	}

	@Override
	public final void register(DurableReceiver receiver) {
		DurableReceiver relay = this.outbox.registerRelay(receiver.signal(), Outbox.BROADCAST + receiver.name(),
				this.relayPolicy, (envelope) -> relay(null, envelope));
		DurableReceiver here = new SenderRun(receiver, this.inbox);
		this.outbox.register(here);
		this.inbox.add(receiver);
		this.registered.put(receiver, new Registered(relay, here));
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
		Registered relays = this.registered.get(receiver);
		if (relays == null) {
			throw new IllegalStateException("Receiver " + receiver.name() + " is not registered for broadcasts");
		}
		String id = this.outbox.record(relays.relay(), event,
				new Outgoing(null, traceContext(event.signal().name(), null)));
		this.outbox.record(relays.here(), event, Outgoing.held(id + HERE, this.senderRunHold));
		Map<String, @Nullable Object> arguments = new HashMap<>(event.arguments());
		arguments.put(DurableReceiver.DELIVERY_ID, id);
		SignalEvent here = SignalEvent.of(event.signal(), event.sender(), arguments);
		AfterCommit.run(() -> runHere(receiver, here, id));
	}

	/**
	 * Run a receiver in the sending instance, right after the commit, then delete the run
	 * recorded with the send: the other instances run it when the broadcast reaches them,
	 * this one remembers that it ran it.
	 */
	private void runHere(DurableReceiver receiver, SignalEvent event, String id) {
		try {
			if (this.inbox.firstRun(id)) {
				receiver.invoke(event);
			}
		}
		catch (Exception ex) {
			logger.error("Receiver {} of broadcast {} ({}) failed in this instance", receiver.name(), id,
					event.signal().name(), ex);
		}
		try {
			this.outbox.complete(id + HERE);
		}
		catch (RuntimeException ex) {
			logger.warn("The run of broadcast {} in the sending instance stays recorded and runs again after {}: {}",
					id, this.senderRunHold, ex.toString());
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
		DurableReceiver relay = this.outbox.registerRelay(signal, "externalize:" + destination, this.relayPolicy,
				(envelope) -> relay(destination, envelope));
		this.statistics.destination(signal.name(), destination);
		return signal.connect((event) -> {
			this.outbox.record(relay, event, new Outgoing(key.apply(event), traceContext(signal.name(), destination)));
			return null;
		}, null, false, "externalize:" + destination);
	}

	/**
	 * Hand an envelope to the broker, counting what it took and what it did not.
	 */
	private void relay(@Nullable String destination, Envelope envelope) {
		try {
			send(destination, envelope);
			logger.debug("Published {} of {}", envelope.id(), envelope.signal());
		}
		catch (RuntimeException ex) {
			this.statistics.failed(envelope.signal(), destination,
					ex.getMessage() != null ? ex.getMessage() : ex.toString());
			this.onFailed.run();
			throw ex;
		}
		this.statistics.published(envelope.signal(), destination);
		this.onPublished.run();
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
	 * Publish an envelope to the broker, returning once the broker has it and throwing if
	 * it did not take it (the outbox then retries), or {@link RefusedMessageException} if
	 * it never will (the outbox quarantines it).
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
	 * Ask the broker for something cheap, within its client's timeout, to know it can be
	 * reached.
	 * @return what the broker said of itself (its version, its cluster id)
	 * @throws Exception if it cannot be reached
	 */
	protected abstract String ping() throws Exception;

	/**
	 * Whether this instance is consuming its broadcasts.
	 * @return whether the consumer runs
	 */
	protected abstract boolean isConsuming();

	/**
	 * Run the local receiver of an envelope that came back from the broker, in an
	 * observation that continues the sender's trace.
	 * @param body the envelope
	 * @param headers the message's headers by name
	 */
	protected final void received(String body, Function<String, @Nullable String> headers) {
		this.onReceived.run();
		String header = headers.apply("signal");
		String signal = this.inbox.knows(header) ? header : "unknown";
		ReceiverContext<Function<String, @Nullable String>> context = new ReceiverContext<>(
				(carrier, name) -> carrier.apply(name), Kind.CONSUMER);
		context.setCarrier(headers);
		context.setRemoteServiceName(broker());
		BroadcastInbox.Outcome outcome = Observation
			.createNotStarted("signals.broadcast.receive", () -> context, this.observations)
			.contextualName(signal + " receive")
			.lowCardinalityKeyValue("signal", signal)
			.lowCardinalityKeyValue("broker", broker())
			.observe(() -> this.inbox.receive(body));
		if (outcome == null) {
			return;
		}
		if (outcome.refusal() != null) {
			logger.warn("Broadcast refused, nothing ran: {}", outcome.refusal());
			this.statistics.refused(outcome.refusal());
			this.onRefused.run();
		}
		else if (outcome.signal() != null) {
			this.statistics.received(outcome.signal());
		}
	}

	/**
	 * Count publications, receptions, failed publish attempts and refused envelopes.
	 * @param published what to run for each envelope the broker took
	 * @param received what to run for each envelope that came back
	 * @param failed what to run for each publish attempt the broker did not take
	 * @param refused what to run for each envelope refused without running anything
	 */
	final void count(Runnable published, Runnable received, Runnable failed, Runnable refused) {
		this.onPublished = published;
		this.onReceived = received;
		this.onFailed = failed;
		this.onRefused = refused;
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
		return this.outbox.group();
	}

	/**
	 * Return this instance's id, sent as the {@code origin} of its publications.
	 * @return the id
	 */
	protected final String origin() {
		return this.outbox.origin();
	}

	/** Whether receivers here run in every instance, so this instance must consume. */
	final boolean receivesBroadcasts() {
		return !this.registered.isEmpty();
	}

	@Override
	public final synchronized void start() {
		this.running = true;
		if (this.registered.isEmpty() || this.consuming) {
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
	 * Start consuming before the outbox engine polls, so that an envelope published by
	 * this instance's relays finds this instance's queue or subscription, and stop after
	 * it.
	 */
	@Override
	public final int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 3072;
	}

	/**
	 * The relay that publishes a receiver's broadcasts, and its run in the sending
	 * instance, recorded with each send.
	 */
	private record Registered(DurableReceiver relay, DurableReceiver here) {

	}

}
