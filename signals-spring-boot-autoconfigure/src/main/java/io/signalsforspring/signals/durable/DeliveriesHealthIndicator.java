package io.signalsforspring.signals.durable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The health of durable deliveries ({@code signalDeliveries} in
 * {@code /actuator/health}): how many are pending, how many failed or were quarantined,
 * and how long the oldest due one has waited. It is {@code UP} while the table can be
 * read, whatever it holds: a failed email must not take an instance out of its load
 * balancer. Alert on {@code failed} and {@code oldestPendingAge} here, or on the
 * {@code signals.deliveries.*} gauges. {@code DOWN} when the table cannot be read.
 */
public final class DeliveriesHealthIndicator extends AbstractHealthIndicator {

	private final DeliveryOperations operations;

	/**
	 * Create the indicator.
	 * @param operations the operations of the delivery engine
	 */
	public DeliveriesHealthIndicator(DeliveryOperations operations) {
		super("Durable deliveries cannot be read");
		this.operations = operations;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		DeliveryOperations.Summary summary = this.operations.summary();
		builder.up()
			.withDetail("pending", summary.pending())
			.withDetail("failed", summary.failed())
			.withDetail("oldestPendingAge", summary.oldestPendingAge().toString());
	}

}
