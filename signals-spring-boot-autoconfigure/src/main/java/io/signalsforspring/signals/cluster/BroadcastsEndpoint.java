package io.signalsforspring.signals.cluster;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code signalbroadcasts} actuator endpoint: the broker, this instance's id, and per
 * signal and destination what this instance published and received since it started.
 * Sends still waiting in the outbox (a broker out of reach) are listed by
 * {@code signaldeliveries}.
 */
@Endpoint(id = "signalbroadcasts")
public final class BroadcastsEndpoint {

	private final @Nullable Broadcasts broadcasts;

	/**
	 * Create the endpoint.
	 * @param broadcasts the broker's broadcasts, or {@code null} when no broker carries
	 * them (receivers that run in every instance then run in this one only)
	 */
	public BroadcastsEndpoint(@Nullable Broadcasts broadcasts) {
		this.broadcasts = broadcasts;
	}

	/**
	 * Describe the broadcasts of this instance.
	 * @return the report
	 */
	@ReadOperation
	public Report broadcasts() {
		Broadcasts broadcasts = this.broadcasts;
		if (broadcasts == null) {
			return new Report("none", null, null, List.of(), 0, null);
		}
		List<Route> routes = broadcasts.statistics()
			.routes()
			.stream()
			.map((route) -> new Route(route.signal, (route.destination != null) ? route.destination : "every instance",
					route.published.sum(), route.received.sum(), route.lastPublished, route.lastReceived,
					route.failed.sum(), route.lastError))
			.toList();
		return new Report(broadcasts.broker(), broadcasts.group(), broadcasts.origin(), routes,
				broadcasts.statistics().refusedCount(), broadcasts.statistics().lastRefusal());
	}

	/**
	 * What the endpoint reports.
	 *
	 * @param broker {@code rabbitmq}, {@code kafka}, or {@code none}
	 * @param group the application's group, with a broker
	 * @param instance this instance's id, the {@code origin} of its publications, with a
	 * broker
	 * @param routes per signal and destination, the publications and receptions
	 * @param refused envelopes from the broker this instance refused (unreadable, an
	 * unknown signal, arguments that do not fit the receiver): nothing ran for them
	 * @param lastRefusal why the last one was refused
	 */
	public record Report(String broker, @Nullable String group, @Nullable String instance, List<Route> routes,
			long refused, @Nullable String lastRefusal) implements OperationResponseBody {

	}

	/**
	 * One signal to one destination.
	 *
	 * @param signal the signal's name
	 * @param destination {@code every instance} for broadcasts, else the exchange or
	 * topic it is externalized to
	 * @param published envelopes the broker took from this instance
	 * @param received envelopes that came back to this instance
	 * @param lastPublished when this instance last published one
	 * @param lastReceived when this instance last received one
	 * @param failed publish attempts the broker did not take (unreachable, no route,
	 * refused); the outbox retries them, then keeps them as failed
	 * @param lastError the last publish attempt's error
	 */
	public record Route(String signal, String destination, long published, long received,
			@Nullable Instant lastPublished, @Nullable Instant lastReceived, long failed, @Nullable String lastError) {

	}

}
