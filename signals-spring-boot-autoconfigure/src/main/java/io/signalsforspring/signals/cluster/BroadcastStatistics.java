package io.signalsforspring.signals.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * What this instance published, failed to publish and received, per signal and
 * destination, since it started, and the envelopes it refused: what the
 * {@code signalbroadcasts} endpoint shows. Only signals this instance knows are counted
 * by name.
 */
final class BroadcastStatistics {

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	private final LongAdder refused = new LongAdder();

	private volatile @Nullable String lastRefusal;

	void destination(String signal, @Nullable String destination) {
		route(signal, destination);
	}

	void published(String signal, @Nullable String destination) {
		Route route = route(signal, destination);
		route.published.increment();
		route.lastPublished = Instant.now();
	}

	void failed(String signal, @Nullable String destination, String error) {
		Route route = route(signal, destination);
		route.failed.increment();
		route.lastError = error;
	}

	void refused(String reason) {
		this.refused.increment();
		this.lastRefusal = reason;
	}

	long refusedCount() {
		return this.refused.sum();
	}

	@Nullable String lastRefusal() {
		return this.lastRefusal;
	}

	void received(String signal) {
		Route route = route(signal, null);
		route.received.increment();
		route.lastReceived = Instant.now();
	}

	private Route route(String signal, @Nullable String destination) {
		return this.routes.computeIfAbsent(signal + " " + ((destination != null) ? destination : ""),
				(key) -> new Route(signal, destination));
	}

	List<Route> routes() {
		return this.routes.values()
			.stream()
			.sorted(Comparator.comparing((Route route) -> route.signal)
				.thenComparing((route) -> (route.destination != null) ? route.destination : ""))
			.toList();
	}

	/**
	 * One signal to one destination ({@code null}: the application's own instances).
	 */
	static final class Route {

		final String signal;

		final @Nullable String destination;

		final LongAdder published = new LongAdder();

		final LongAdder received = new LongAdder();

		final LongAdder failed = new LongAdder();

		volatile @Nullable String lastError;

		volatile @Nullable Instant lastPublished;

		volatile @Nullable Instant lastReceived;

		Route(String signal, @Nullable String destination) {
			this.signal = signal;
			this.destination = destination;
		}

	}

}
