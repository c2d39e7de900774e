package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters of durable delivery: {@code signals.deliveries.pending} and
 * {@code signals.deliveries.failed} (gauges), {@code signals.deliveries.oldest.pending}
 * (the age of the oldest pending delivery), and the counters
 * {@code signals.deliveries.attempts} and {@code signals.deliveries.failures}. The gauges
 * read the table at most every five seconds.
 */
public final class DeliveryMetrics implements MeterBinder {

	private static final Duration REFRESH = Duration.ofSeconds(5);

	private final DeliveryOperations operations;

	private final DeliveryEngine engine;

	private volatile DeliveryOperations.Summary summary = new DeliveryOperations.Summary(0, 0, Duration.ZERO);

	private volatile long readAt;

	/**
	 * Create the meters.
	 * @param engine the engine whose attempts and failures are counted
	 * @param operations the operations that read the table
	 */
	public DeliveryMetrics(DeliveryEngine engine, DeliveryOperations operations) {
		this.engine = engine;
		this.operations = operations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		registry.gauge("signals.deliveries.pending", this, (metrics) -> metrics.summary().pending());
		registry.gauge("signals.deliveries.failed", this, (metrics) -> metrics.summary().failed());
		TimeGauge
			.builder("signals.deliveries.oldest.pending", this, TimeUnit.MILLISECONDS,
					(metrics) -> metrics.summary().oldestPendingAge().toMillis())
			.description("Age of the oldest delivery still to be attempted")
			.register(registry);
		Counter attempts = registry.counter("signals.deliveries.attempts");
		Counter failures = registry.counter("signals.deliveries.failures");
		this.engine.count(attempts::increment, failures::increment);
	}

	private DeliveryOperations.Summary summary() {
		long now = System.nanoTime();
		if (now - this.readAt > REFRESH.toNanos() || this.readAt == 0) {
			if (this.engine.isRunning()) {
				this.summary = this.operations.summary();
			}
			this.readAt = now;
		}
		return this.summary;
	}

}
