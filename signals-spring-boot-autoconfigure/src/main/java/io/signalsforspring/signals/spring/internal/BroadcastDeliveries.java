package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.SignalEvent;

/**
 * Where receivers that run in every instance are published and received: implemented over
 * a broker when one is configured.
 */
public interface BroadcastDeliveries {

	/**
	 * Accept a receiver that runs in every instance.
	 * @param receiver the receiver
	 * @throws IllegalStateException if its signal's arguments cannot be stored
	 */
	void register(DurableReceiver receiver);

	/**
	 * Publish a send to every instance: recorded in the current transaction's outbox,
	 * published to the broker after the commit.
	 * @param receiver the receiver to run in every instance
	 * @param event the send
	 */
	void publish(DurableReceiver receiver, SignalEvent event);

}
