package io.signalsforspring.signals.spring.micrometer;

import io.micrometer.common.KeyValues;

/**
 * The default names and tags of receiver runs: the observation (and so the timer and the
 * span) {@value ObservedReceivers#OBSERVATION}, named {@code receive <signal>} in traces,
 * tagged with {@code signal}, {@code sender} (the sender's type), {@code receiver}
 * ({@code bean#method(parameter types)}), {@code phase} and {@code mode} (how the run
 * happens, {@link ReceiverObservationContext#getMode()}). Micrometer adds {@code error}
 * to the timer (the exception's simple name, {@code none} for a run that returned).
 */
public class DefaultReceiverObservationConvention implements ReceiverObservationConvention {

	@Override
	public String getName() {
		return ObservedReceivers.OBSERVATION;
	}

	@Override
	public String getContextualName(ReceiverObservationContext context) {
		return "receive " + context.getEvent().signal().name();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ReceiverObservationContext context) {
		return KeyValues.of("signal", context.getEvent().signal().name(), "sender",
				ObservedReceivers.senderType(context.getEvent().sender()), "receiver", context.getReceiver().receiver(),
				"phase", context.getReceiver().phase().name(), "mode", context.getMode());
	}

}
