package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Connects receivers that run in every instance in code, for receivers that are not
 * {@link Receiver @Receiver} methods: exactly as
 * {@code @Receiver(phase = AFTER_COMMIT, cluster = EVERY_INSTANCE)}, each send is
 * recorded in the durable outbox with the sending transaction, run in the sending
 * instance after the commit, published to the broker, and run once in every other
 * instance that connected a receiver under the same name. The bean exists in every
 * application: without a broker (RabbitMQ or Kafka) and durable delivery, the application
 * is one instance, and its receivers run in it after the commit.
 */
public interface BroadcastReceivers {

	/**
	 * Connect a receiver that runs in every instance.
	 * @param signal the signal
	 * @param sender the sender, or {@code null} for every sender
	 * @param name the receiver's name, the same in every instance (broadcasts find their
	 * receiver by it)
	 * @param receiver the receiver
	 * @return the connection; closing it stops recording new broadcasts from this
	 * instance
	 * @throws IllegalStateException if the signal's arguments cannot be stored
	 */
	Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver);

}
