package io.signalsforspring.signals.spring.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.ReceiverDescription;
import org.jspecify.annotations.Nullable;

/**
 * Observes every call of a receiver connected in code ({@code signal.connect(...)}) with
 * Micrometer; {@code @Receiver} methods are observed where they run, by
 * {@link ObservedReceiverRuns}. An {@link Observation} named {@value #OBSERVATION} per
 * call (so a tracing set-up shows a span per receiver, nested in the request that sent
 * the signal, and Spring Boot's metrics record a timer of the same name), and a counter
 * {@value #ERRORS} of the calls that threw. Both are tagged with {@code signal},
 * {@code sender} (the sender's type) and {@code receiver}
 * ({@code bean#method(parameter types)} for a {@code @Receiver} method); the counter also
 * with {@code exception}.
 */
public final class ObservedReceivers implements ReceiverObserver {

	/** Name of the observation, and so of the timer, of receiver calls. */
	public static final String OBSERVATION = "signals.receiver";

	/** Name of the counter of receiver calls that threw. */
	public static final String ERRORS = "signals.receiver.errors";

	private final ObservationRegistry observations;

	private final @Nullable MeterRegistry meters;

	/**
	 * Create the observer.
	 * @param observations where observations are reported
	 * @param meters where the error counter is kept, or {@code null} for none
	 */
	public ObservedReceivers(ObservationRegistry observations, @Nullable MeterRegistry meters) {
		this.observations = observations;
		this.meters = meters;
	}

	@Override
	public @Nullable Object beforeReceiver(Connection connection, SignalEvent event) {
		if (ReceiverDescription.of(connection).method() != null) {
			// a @Receiver method: observed where it runs, by ObservedReceiverRuns
			return null;
		}
		Observation observation = Observation.createNotStarted(OBSERVATION, this.observations)
			.contextualName("receive " + event.signal().name())
			.lowCardinalityKeyValues(tags(connection, event))
			.start();
		return observation.openScope();
	}

	@Override
	public void afterReceiver(Connection connection, SignalEvent event, @Nullable Object context, long nanos,
			@Nullable Throwable failure) {
		if (!(context instanceof Observation.Scope scope)) {
			return;
		}
		Observation observation = scope.getCurrentObservation();
		scope.close();
		if (failure != null) {
			observation.error(failure);
			if (this.meters != null) {
				countError(this.meters, tags(connection, event), failure);
			}
		}
		observation.stop();
	}

	private static KeyValues tags(Connection connection, SignalEvent event) {
		return KeyValues.of("signal", event.signal().name(), "sender", senderType(event.sender()), "receiver",
				ReceiverDescription.of(connection).receiver());
	}

	/** The {@code sender} tag: the sender's type, or {@code none}. */
	static String senderType(@Nullable Object sender) {
		return (sender == null) ? "none"
				: (sender instanceof Class<?> type) ? type.getName() : sender.getClass().getName();
	}

	/**
	 * Count a receiver call that threw, with its tags and the exception's simple name.
	 */
	static void countError(MeterRegistry meters, KeyValues tags, Throwable failure) {
		Counter.builder(ERRORS)
			.description("Receiver calls that threw")
			.tags(tags.and("exception", failure.getClass().getSimpleName())
				.stream()
				.map((keyValue) -> Tag.of(keyValue.getKey(), keyValue.getValue()))
				.toList())
			.register(meters)
			.increment();
	}

}
