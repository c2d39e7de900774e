package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Receiver#durable() durable} receiver method as durable delivery sees it: a
 * name that stays the same across restarts, its signal, its retry settings, and a way to
 * call it.
 */
public interface DurableReceiver {

	/** The argument under which a delivery passes its id to the receiver. */
	String DELIVERY_ID = "delivery_id";

	/**
	 * Return the name that identifies the receiver in delivery records:
	 * {@code bean#method(parameter types)}.
	 * @return the name
	 */
	String name();

	/**
	 * Return the signal the receiver is connected to.
	 * @return the signal
	 */
	Signal signal();

	/**
	 * Return the {@code maxAttempts} of its annotation, {@code -1} for the default.
	 * @return the maximum number of attempts
	 */
	int maxAttempts();

	/**
	 * Return the {@code firstRetryDelay} of its annotation, empty for the default.
	 * @return the first retry delay
	 */
	String firstRetryDelay();

	/**
	 * Return the {@code maxRetryDelay} of its annotation, empty for the default.
	 * @return the maximum retry delay
	 */
	String maxRetryDelay();

	/**
	 * Call the receiver now, on this thread, if its condition holds.
	 * @param event the event, with the delivery id as argument {@code delivery_id}
	 * @return its result
	 * @throws Exception what the receiver throws
	 */
	@Nullable Object invoke(SignalEvent event) throws Exception;

}
