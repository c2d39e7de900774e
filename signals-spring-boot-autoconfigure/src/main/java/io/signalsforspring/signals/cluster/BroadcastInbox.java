package io.signalsforspring.signals.cluster;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.signalsforspring.signals.durable.Outbox;
import io.signalsforspring.signals.durable.RefusedMessageException;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where envelopes from the broker arrive: each runs its receiver in this instance once.
 * What the broker hands over is input from outside, checked before anything runs: it must
 * be an envelope of a signal this instance has broadcast receivers for, and its sender
 * and entity arguments must fit what the signal and the receiver declare; anything else
 * is refused and counted. The ids of the last 100,000 broadcasts run here (received, or
 * run by the sending instance right after its commit) are remembered, so that a publish
 * retried after the broker took it, or the instance's own envelope, runs once.
 */
final class BroadcastInbox {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private static final int REMEMBERED = 100_000;

	private final Outbox outbox;

	private final Map<String, DurableReceiver> receivers = new ConcurrentHashMap<>();

	private final Set<String> signals = ConcurrentHashMap.newKeySet();

	/** The ids of the last broadcasts that ran here, in a bounded Caffeine cache. */
	private final Map<String, Boolean> ran = Caffeine.newBuilder()
		.maximumSize(REMEMBERED)
		.<String, Boolean>build()
		.asMap();

	BroadcastInbox(Outbox outbox) {
		this.outbox = outbox;
	}

	void add(DurableReceiver receiver) {
		this.receivers.put(key(receiver.signal().name(), receiver.name()), receiver);
		this.signals.add(receiver.signal().name());
	}

	boolean knows(@Nullable String signal) {
		return signal != null && this.signals.contains(signal);
	}

	/**
	 * Remember that a broadcast runs here.
	 * @return {@code false} if it ran here already
	 */
	boolean firstRun(String id) {
		return this.ran.putIfAbsent(id, Boolean.TRUE) == null;
	}

	/**
	 * Run an envelope's receiver here, once.
	 * @param body the envelope
	 * @return what became of it
	 */
	Outcome receive(String body) {
		Outbox.Received envelope;
		try {
			envelope = this.outbox.read(body);
		}
		catch (RefusedMessageException ex) {
			return Outcome.refused(null, ex.getMessage());
		}
		if (!knows(envelope.signal())) {
			return Outcome.refused(null, "envelope " + envelope.id() + " is of signal '" + envelope.signal()
					+ "', which has no receiver that runs in every instance here");
		}
		DurableReceiver receiver = this.receivers.get(key(envelope.signal(), envelope.receiver()));
		if (receiver == null) {
			// another version of the application (a rolling deploy) may have it
			logger.debug("Broadcast {} of {} has no receiver {} in this instance", envelope.id(), envelope.signal(),
					envelope.receiver());
			return new Outcome(envelope.signal(), false, null);
		}
		if (!firstRun(envelope.id())) {
			logger.debug("Broadcast {} of {} ran here already, not run again", envelope.id(), envelope.signal());
			return new Outcome(envelope.signal(), false, null);
		}
		try {
			this.outbox.run(receiver, envelope);
			logger.debug("Ran broadcast {} of {} from the broker", envelope.id(), envelope.signal());
		}
		catch (RefusedMessageException ex) {
			return Outcome.refused(envelope.signal(), "envelope " + envelope.id() + " of " + envelope.signal()
					+ " does not fit " + receiver.name() + ": " + ex.getMessage());
		}
		catch (Exception ex) {
			logger.error("Receiver {} of broadcast {} ({}) failed in this instance", receiver.name(), envelope.id(),
					envelope.signal(), ex);
		}
		return new Outcome(envelope.signal(), true, null);
	}

	private static String key(String signal, String receiver) {
		return signal + " " + receiver;
	}

	/**
	 * What became of an envelope.
	 *
	 * @param signal the signal it is of, when this instance knows it
	 * @param ran whether its receiver ran
	 * @param refusal why it was refused, or {@code null}
	 */
	record Outcome(@Nullable String signal, boolean ran, @Nullable String refusal) {

		static Outcome refused(@Nullable String signal, @Nullable String reason) {
			return new Outcome(signal, false, String.valueOf(reason));
		}

	}

}
