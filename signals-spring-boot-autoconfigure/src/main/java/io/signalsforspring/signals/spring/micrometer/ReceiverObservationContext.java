package io.signalsforspring.signals.spring.micrometer;

import java.util.Locale;

import io.micrometer.observation.Observation;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.internal.ReceiverDescription;

/**
 * What a run of a receiver is observed with: the signal and its sender, the receiver, its
 * phase, and how the run happens ({@link #getMode()}).
 */
public final class ReceiverObservationContext extends Observation.Context {

	private final SignalEvent event;

	private final ReceiverDescription receiver;

	/**
	 * Create the context of one run.
	 * @param event the event the receiver runs for
	 * @param receiver the receiver
	 */
	public ReceiverObservationContext(SignalEvent event, ReceiverDescription receiver) {
		this.event = event;
		this.receiver = receiver;
	}

	/**
	 * The event the receiver runs for.
	 * @return the event
	 */
	public SignalEvent getEvent() {
		return this.event;
	}

	/**
	 * The receiver, as the {@code signals} endpoint describes it.
	 * @return the receiver
	 */
	public ReceiverDescription getReceiver() {
		return this.receiver;
	}

	/**
	 * How the run happens: {@code broadcast} (in an instance, for a receiver that runs in
	 * every instance), {@code durable} (a delivery of a durable receiver), {@code async}
	 * (on the asynchronous executor), else the phase it runs in: {@code immediate},
	 * {@code before_commit}, {@code after_commit}, {@code after_rollback} or
	 * {@code after_completion}.
	 * @return the mode
	 */
	public String getMode() {
		if (this.receiver.cluster() == Cluster.EVERY_INSTANCE) {
			return "broadcast";
		}
		if (this.receiver.durable()) {
			return "durable";
		}
		if (this.receiver.async()) {
			return "async";
		}
		return this.receiver.phase().name().toLowerCase(Locale.ROOT);
	}

}
