package io.signalsforspring.signals.test;

import java.time.Duration;

import io.signalsforspring.signals.durable.DeliveryOperations;

import org.springframework.context.ApplicationContext;

/**
 * Waits for the pending deliveries of durable receivers; loaded only when durable
 * delivery is on the class path.
 */
final class PendingDeliveries {

	private PendingDeliveries() {
	}

	static void await(ApplicationContext context, long deadline, Duration timeout) {
		DeliveryOperations operations = context.getBeanProvider(DeliveryOperations.class).getIfAvailable();
		if (operations == null) {
			return;
		}
		while (operations.summary().pending() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Durable deliveries were still pending after " + timeout);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for durable deliveries", ex);
			}
		}
	}

}
