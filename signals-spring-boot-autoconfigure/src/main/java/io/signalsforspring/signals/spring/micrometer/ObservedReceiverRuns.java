package io.signalsforspring.signals.spring.micrometer;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.ReceiverDescription;
import io.signalsforspring.signals.spring.internal.ReceiverRunObserver;
import org.jspecify.annotations.Nullable;

/**
 * Observes each run of a {@code @Receiver} method with Micrometer where it happens: in
 * the sending thread, after the commit, on the asynchronous executor, in a durable
 * delivery, in each instance of a broadcast. One {@link Observation} per run (a timer
 * with Spring Boot's metrics, a span with tracing, nested in whatever observation is
 * current on that thread), named and tagged by a {@link ReceiverObservationConvention}; a
 * run that throws is recorded as the observation's error.
 */
public final class ObservedReceiverRuns implements ReceiverRunObserver {

	private static final ReceiverObservationConvention DEFAULT = new DefaultReceiverObservationConvention();

	private final ObservationRegistry observations;

	private final @Nullable ReceiverObservationConvention convention;

	private final @Nullable MeterRegistry meters;

	/**
	 * Create the observer.
	 * @param observations where observations are reported
	 * @param convention the application's convention, or {@code null} for the default
	 * @param meters where the counter {@value ObservedReceivers#ERRORS} of runs that
	 * threw is kept, or {@code null} for none
	 */
	public ObservedReceiverRuns(ObservationRegistry observations, @Nullable ReceiverObservationConvention convention,
			@Nullable MeterRegistry meters) {
		this.observations = observations;
		this.convention = convention;
		this.meters = meters;
	}

	@Override
	public @Nullable Object observe(ReceiverDescription receiver, SignalEvent event, Run run) throws Exception {
		ReceiverObservationContext context = new ReceiverObservationContext(event, receiver);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT, () -> context, this.observations)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return run.call();
		}
		catch (Exception | Error ex) {
			observation.error(ex);
			countError(context, ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void countError(ReceiverObservationContext context, Throwable failure) {
		if (this.meters != null) {
			SignalEvent event = context.getEvent();
			ObservedReceivers.countError(this.meters,
					KeyValues.of("signal", event.signal().name(), "sender",
							ObservedReceivers.senderType(event.sender()), "receiver", context.getReceiver().receiver()),
					failure);
		}
	}

}
