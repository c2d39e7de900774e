package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

/**
 * Watches each run of a {@code @Receiver} method where it actually happens: in the
 * sending thread, in a commit phase, on the asynchronous executor, in a durable delivery,
 * or as a broadcast in an instance. The observability auto-configuration gives the
 * {@link ReceiverScheduler} one; without it a run is just called.
 */
public interface ReceiverRunObserver {

	/** Runs the receiver, watching nothing. */
	ReceiverRunObserver NONE = (receiver, event, run) -> run.call();

	/**
	 * Run a receiver, watching the run.
	 * @param receiver the receiver, with its phase and how it runs
	 * @param event the event it runs for
	 * @param run the run
	 * @return what the receiver returned
	 * @throws Exception what the receiver threw
	 */
	@Nullable Object observe(ReceiverDescription receiver, SignalEvent event, Run run) throws Exception;

	/** One run of a receiver. */
	@FunctionalInterface
	interface Run {

		/**
		 * Run it.
		 * @return what the receiver returned
		 * @throws Exception what the receiver threw
		 */
		@Nullable Object call() throws Exception;

	}

}
