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
			return new Report("none", null, null, List.of());
		}
		List<Route> routes = broadcasts.statistics()
			.routes()
			.stream()
			.map((route) -> new Route(route.signal, (route.destination != null) ? route.destination : "every instance",
					route.published.sum(), route.received.sum(), route.lastPublished, route.lastReceived))
			.toList();
		return new Report(broadcasts.broker(), broadcasts.group(), broadcasts.origin(), routes);
	}

	/**
	 * What the endpoint reports.
	 *
	 * @param broker {@code rabbitmq}, {@code kafka}, or {@code none}
	 * @param group the application's group, with a broker
	 * @param instance this instance's id, the {@code origin} of its publications, with a
	 * broker
	 * @param routes per signal and destination, the publications and receptions
	 */
	public record Report(String broker, @Nullable String group, @Nullable String instance,
			List<Route> routes) implements OperationResponseBody {

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
	 */
	public record Route(String signal, String destination, long published, long received,
			@Nullable Instant lastPublished, @Nullable Instant lastReceived) {

	}

}
