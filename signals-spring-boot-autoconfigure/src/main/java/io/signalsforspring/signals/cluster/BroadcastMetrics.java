package io.signalsforspring.signals.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Meters of broadcasts: {@code signals.broadcasts.published} (envelopes the broker took),
 * {@code signals.broadcasts.received} (envelopes that came back to this instance),
 * {@code signals.broadcasts.failed} (publish attempts the broker did not take) and
 * {@code signals.broadcasts.refused} (envelopes refused without running anything), tagged
 * with the broker.
 */
public final class BroadcastMetrics implements MeterBinder {

	private final @Nullable Broadcasts broadcasts;

	private final String broker;

	/**
	 * Create the meters.
	 * @param broadcasts the broadcasts to count, if the application has a broker for them
	 */
	public BroadcastMetrics(@Nullable Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
		this.broker = (broadcasts != null) ? broadcasts.broker() : "none";
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Broadcasts counted = this.broadcasts;
		if (counted == null) {
			return;
		}
		Counter published = Counter.builder("signals.broadcasts.published")
			.tag("broker", this.broker)
			.register(registry);
		Counter received = Counter.builder("signals.broadcasts.received").tag("broker", this.broker).register(registry);
		Counter failed = Counter.builder("signals.broadcasts.failed")
			.description("Publish attempts the broker did not take")
			.tag("broker", this.broker)
			.register(registry);
		Counter refused = Counter.builder("signals.broadcasts.refused")
			.description("Envelopes from the broker refused without running anything")
			.tag("broker", this.broker)
			.register(registry);
		counted.count(published::increment, received::increment, failed::increment, refused::increment);
	}

}
