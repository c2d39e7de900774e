package io.signalsforspring.signals.cluster;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.jspecify.annotations.Nullable;

/**
 * What this instance published and received, per signal and destination, since it
 * started: what the {@code signalbroadcasts} endpoint shows.
 */
final class BroadcastStatistics {

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	void destination(String signal, @Nullable String destination) {
		route(signal, destination);
	}

	void published(String signal, @Nullable String destination) {
		Route route = route(signal, destination);
		route.published.increment();
		route.lastPublished = Instant.now();
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

		volatile @Nullable Instant lastPublished;

		volatile @Nullable Instant lastReceived;

		Route(String signal, @Nullable String destination) {
			this.signal = signal;
			this.destination = destination;
		}

	}

}
