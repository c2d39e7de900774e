package io.signalsforspring.signals.durable;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.DurableReceiver;

/**
 * What broadcasts need of durable delivery: record sends with the sending transaction,
 * relay them to a broker after the commit on threads of their own (bounded in attempts),
 * and run a receiver with the arguments of an envelope that came back, loaded fresh and
 * checked against what the receiver declares. The {@link DeliveryEngine} is the one
 * implementation.
 */
public interface Outbox {

	/**
	 * The name prefix of the relays that carry a broadcast to the receiver named after
	 * it.
	 */
	String BROADCAST = "broadcast:";

	/**
	 * Return this process's id, recorded as the {@code origin} of its sends.
	 * @return the id, new at each start of the application
	 */
	String origin();

	/**
	 * Return the application's group, under which its deliveries are stored.
	 * @return the group
	 */
	String group();

	/**
	 * Register a durable receiver: sends recorded under it run on the delivery threads.
	 * @param receiver the receiver
	 */
	void register(DurableReceiver receiver);

	/**
	 * Register a relay: sends recorded under it are handed to {@code relay} after the
	 * commit, on the relay threads, retried as {@code policy} says, then kept as failed;
	 * a {@link RefusedMessageException} quarantines it at once.
	 * @param signal the signal whose sends it relays
	 * @param name the relay's stable name
	 * @param policy how often and how soon a publication is tried again
	 * @param relay what hands an envelope to the broker, throwing if the broker did not
	 * take it
	 * @return the relay receiver, to record sends under
	 * @throws IllegalStateException if the signal's arguments cannot be stored
	 */
	DurableReceiver registerRelay(Signal signal, String name, RetryPolicy policy, Relay relay);

	/**
	 * Record a delivery: in the current transaction if one is active, at once otherwise.
	 * @param receiver the receiver or relay it is recorded under
	 * @param event the send
	 * @param outgoing its key, headers, id and hold
	 * @return the delivery's id
	 */
	String record(DurableReceiver receiver, SignalEvent event, Outgoing outgoing);

	/**
	 * Delete a delivery of a durable receiver that is not running, as if it had been
	 * done.
	 * @param id the delivery id
	 */
	void complete(String id);

	/**
	 * Read what an envelope from the broker says it is.
	 * @param envelope the envelope's JSON
	 * @return what it names
	 * @throws RefusedMessageException if it is not an envelope
	 */
	Received read(String envelope);

	/**
	 * Run a receiver with the arguments of an envelope, loaded fresh, in a transaction of
	 * its own, with the envelope's id as its delivery id.
	 * @param receiver the receiver the envelope names
	 * @param envelope the envelope
	 * @throws RefusedMessageException if the sender or an argument does not fit what the
	 * signal and the receiver declare; nothing ran
	 * @throws Exception what the receiver throws
	 */
	void run(DurableReceiver receiver, Received envelope) throws Exception;

	/**
	 * Hands an envelope to a broker.
	 */
	@FunctionalInterface
	interface Relay {

		/**
		 * Publish an envelope, returning once the broker has it.
		 * @param envelope the envelope
		 * @throws RefusedMessageException if the broker will never take it
		 */
		void publish(Envelope envelope);

	}

	/**
	 * An envelope from the broker, read.
	 *
	 * @param id the delivery id
	 * @param signal the signal's name
	 * @param receiver the receiver it names, empty for none
	 * @param origin the process that sent it
	 * @param record the stored form, to run it with
	 */
	record Received(String id, String signal, String receiver, String origin, Object record) {

	}

}
