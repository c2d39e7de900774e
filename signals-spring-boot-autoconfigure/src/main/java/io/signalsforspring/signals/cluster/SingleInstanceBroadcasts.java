package io.signalsforspring.signals.cluster;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receivers that run in every instance, connected in code, when no broker carries
 * broadcasts: the application is one instance, so each runs in it, after the sending
 * transaction commits (at once outside a transaction), as a {@code @Receiver(cluster =
 * EVERY_INSTANCE)} method does without a broker. A failure is logged, as a broadcast's.
 */
public final class SingleInstanceBroadcasts implements BroadcastReceivers {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	@Override
	public Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver) {
		logger.warn("Receiver {} of {} runs in every instance, but no broker carries broadcasts: it runs after commit "
				+ "in this instance only. Point Spring Boot at RabbitMQ (spring.rabbitmq.host) or Kafka "
				+ "(spring.kafka.bootstrap-servers)", name, signal);
		return signal.connect((event) -> {
			AfterCommit.run(() -> run(name, receiver, event));
			return null;
		}, sender, false, "broadcast:" + name);
	}

	private static void run(String name, ReceiverFunction receiver, SignalEvent event) {
		try {
			receiver.receive(event);
		}
		catch (Exception ex) {
			logger.error("Receiver {} of {} failed in this instance", name, event.signal(), ex);
		}
	}

}
