package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Phase;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link ReceiverScheduler} needs of a receiver: when it runs, whether on
 * another thread, and how to call it. {@code toString()} names it in reports.
 */
interface ScheduledReceiver {

	Phase phase();

	boolean isAsync();

	/**
	 * Call the receiver now, on this thread.
	 */
	@Nullable Object invoke(SignalEvent event) throws Exception;

}
