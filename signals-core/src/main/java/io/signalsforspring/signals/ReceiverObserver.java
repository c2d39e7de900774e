package io.signalsforspring.signals;

import org.jspecify.annotations.Nullable;

/**
 * Observes every receiver call of the signals it is added to, for metrics and tracing
 * without a dependency of this library on them. Added with
 * {@link Signal#addObserver(ReceiverObserver)}.
 *
 * <p>
 * Both methods run on the thread that calls the receiver, immediately before and after
 * it. They must not throw: an exception from an observer propagates like a receiver's.
 */
public interface ReceiverObserver {

	/**
	 * Called before a receiver runs.
	 * @param connection the receiver about to run
	 * @param event the event it receives
	 * @return a context handed back to {@link #afterReceiver}, such as an open
	 * observation
	 */
	@Nullable Object beforeReceiver(Connection connection, SignalEvent event);

	/**
	 * Called after a receiver returned or threw.
	 * @param connection the receiver that ran
	 * @param event the event it received
	 * @param context what {@link #beforeReceiver} returned
	 * @param nanos how long the receiver ran, in nanoseconds
	 * @param failure what the receiver threw, or {@code null}
	 */
	void afterReceiver(Connection connection, SignalEvent event, @Nullable Object context, long nanos,
			@Nullable Throwable failure);

}
