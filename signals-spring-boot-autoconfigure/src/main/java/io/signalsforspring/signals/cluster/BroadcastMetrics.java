package io.signalsforspring.signals.cluster;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Meters of broadcasts: {@code signals.broadcasts.published} (envelopes the broker took)
 * and {@code signals.broadcasts.received} (envelopes that came back to this instance),
 * tagged with the broker.
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
		counted.count(published::increment, received::increment);
	}

}
