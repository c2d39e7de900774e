package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;

/**
 * Where durable receivers' deliveries are recorded and run from: implemented by the
 * durable delivery engine when it is configured.
 */
public interface DurableDeliveries {

	/**
	 * Accept a durable receiver at start-up.
	 * @param receiver the receiver
	 * @throws IllegalStateException naming what is wrong, if its deliveries could not be
	 * stored (an argument that cannot be written to the database)
	 */
	void register(DurableReceiver receiver);

	/**
	 * Record a delivery of a send to a durable receiver: in the current transaction if
	 * one is active (so that the record commits or rolls back with it), and attempt it
	 * once the transaction has committed; outside a transaction, record it and attempt it
	 * at once.
	 * @param receiver the receiver
	 * @param event the send
	 */
	void record(DurableReceiver receiver, SignalEvent event);

	/**
	 * Return whether a durable receiver of the signal is registered: the Hibernate bridge
	 * then flushes sessions at the start of the before-commit phase, so that the
	 * deliveries of what the commit flushes are recorded before the commit.
	 * @param signal the signal
	 * @return whether it has a durable receiver
	 */
	boolean hasReceivers(Signal signal);

}
