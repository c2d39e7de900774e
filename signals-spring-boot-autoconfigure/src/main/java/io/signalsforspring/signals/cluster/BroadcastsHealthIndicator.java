package io.signalsforspring.signals.cluster;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether the broker that carries broadcasts can be reached ({@code signalBroadcasts} in
 * {@code /actuator/health}): {@code UP} with what the broker says of itself and whether
 * this instance consumes its broadcasts, {@code DOWN} when the broker does not answer
 * (Kafka within 3 seconds, RabbitMQ within its connection timeout), or when this instance
 * has receivers that run in every instance and its consumer has stopped. Broadcasts sent
 * meanwhile wait in the outbox and are published once the broker is back.
 */
public final class BroadcastsHealthIndicator extends AbstractHealthIndicator {

	private final Broadcasts broadcasts;

	/**
	 * Create the indicator.
	 * @param broadcasts the broadcasts of the application
	 */
	public BroadcastsHealthIndicator(Broadcasts broadcasts) {
		super("The broker of broadcasts cannot be reached");
		this.broadcasts = broadcasts;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		String broker = this.broadcasts.ping();
		boolean receives = this.broadcasts.receivesBroadcasts();
		boolean consuming = receives && this.broadcasts.isConsuming();
		((!receives || consuming) ? builder.up() : builder.down()).withDetail("broker", broker)
			.withDetail("instance", this.broadcasts.origin())
			.withDetail("consuming", consuming);
	}

}
