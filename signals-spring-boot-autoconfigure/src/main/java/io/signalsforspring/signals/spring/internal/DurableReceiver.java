package io.signalsforspring.signals.spring.internal;

import java.util.List;

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
	 * Return the senders the receiver is connected for, empty for any sender.
	 * @return the senders
	 */
	default List<Class<?>> senders() {
		return List.of();
	}

	/**
	 * Return the type the receiver takes an argument as: what a stored or broadcast
	 * argument must be to reach it.
	 * @param argument the argument's name
	 * @return the type, {@code Object} when the receiver does not take it by name
	 */
	default Class<?> argumentType(String argument) {
		return Object.class;
	}

	/**
	 * Call the receiver now, on this thread, if its condition holds.
	 * @param event the event, with the delivery id as argument {@code delivery_id}
	 * @return its result
	 * @throws Exception what the receiver throws
	 */
	@Nullable Object invoke(SignalEvent event) throws Exception;

}
