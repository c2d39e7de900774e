package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Connects durable receivers in code, for receivers that are not
 * {@link Receiver @Receiver} methods: each send is recorded in the sending transaction
 * and delivered after the commit, retried until it succeeds, across crashes and restarts,
 * exactly as for {@code @Receiver(phase = AFTER_COMMIT, durable = true)}. A bean of this
 * type exists when durable delivery is configured (db-scheduler and Jackson on the class
 * path, a {@code DataSource}).
 *
 * <pre class="code">
 * durableReceivers.connect(orderConfirmed, "inventory.reserve", (event) -&gt; {
 *     inventory.reserve(event.get("order", Order.class), event.get("delivery_id", String.class));
 *     return null;
 * });
 * </pre>
 *
 * The receiver runs on a delivery thread, in a transaction of its own; the event carries
 * the delivery id as argument {@code delivery_id}.
 */
public interface DurableReceivers {

	/**
	 * Connect a durable receiver for every sender.
	 * @param signal the signal
	 * @param name the receiver's name, which must stay the same across restarts and
	 * releases: pending deliveries are found again by it
	 * @param receiver the receiver
	 * @return the connection; closing it stops recording new deliveries
	 * @throws IllegalStateException if the signal's arguments cannot be stored, or the
	 * name is taken
	 */
	default Connection connect(Signal signal, String name, ReceiverFunction receiver) {
		return connect(signal, null, name, receiver);
	}

	/**
	 * Connect a durable receiver for one sender.
	 * @param signal the signal
	 * @param sender the sender, or {@code null} for every sender
	 * @param name the receiver's name, which must stay the same across restarts and
	 * releases: pending deliveries are found again by it
	 * @param receiver the receiver
	 * @return the connection; closing it stops recording new deliveries
	 * @throws IllegalStateException if the signal's arguments cannot be stored, or the
	 * name is taken
	 */
	Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver);

}
