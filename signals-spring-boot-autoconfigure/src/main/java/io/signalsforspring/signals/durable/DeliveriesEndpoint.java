package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.convert.DurationStyle;

/**
 * The {@code signaldeliveries} actuator endpoint, for deliveries that are not done:
 * <ul>
 * <li>{@code GET /actuator/signaldeliveries?limit=&after=&receiver=&signal=&state=&olderThan=}:
 * one page (100 by default, at most 500), grouped by receiver, with the summary and the
 * cursor of the next page ({@code next}, passed as {@code after});</li>
 * <li>{@code GET /actuator/signaldeliveries/{id}}: one delivery with its failure
 * history;</li>
 * <li>{@code POST /actuator/signaldeliveries/{id}} retries one now, {@code DELETE}
 * discards it: {@code 404} for an unknown id, {@code 409} for a done delivery (never run
 * again) or one an instance is running;</li>
 * <li>{@code POST /actuator/signaldeliveries} with a JSON body of {@code receiver},
 * {@code signal}, {@code state} and {@code olderThan} (a duration, {@code 1h}) retries
 * every match; {@code DELETE} with the same query parameters discards them, and needs at
 * least one.</li>
 * </ul>
 * The write operations are secured as the application secures its actuator endpoints.
 */
@Endpoint(id = "signaldeliveries")
public final class DeliveriesEndpoint {

	private static final int DEFAULT_LIMIT = 100;

	private final DeliveryOperations operations;

	/**
	 * Create the endpoint.
	 * @param operations the operations on deliveries
	 */
	public DeliveriesEndpoint(DeliveryOperations operations) {
		this.operations = operations;
	}

	/**
	 * List a page of the deliveries that are not done.
	 * @param limit the most deliveries, 100 by default
	 * @param after the cursor of the previous page
	 * @param receiver only this receiver's
	 * @param signal only this signal's
	 * @param state only in this state
	 * @param olderThan only those sent at least this long ago ({@code 1h}, {@code PT1H})
	 * @return the summary, the deliveries by receiver, and the next page's cursor
	 */
	@ReadOperation
	public WebEndpointResponse<Object> deliveries(@Nullable Integer limit, @Nullable String after,
			@Nullable String receiver, @Nullable String signal, @Nullable String state, @Nullable String olderThan) {
		DeliveryFilter filter;
		try {
			filter = filter(receiver, signal, state, olderThan);
		}
		catch (IllegalArgumentException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, ex.getMessage());
		}
		DeliveryOperations.Page page = this.operations.list(filter, (limit != null) ? limit : DEFAULT_LIMIT, after);
		Map<String, List<Delivery>> byReceiver = new LinkedHashMap<>();
		for (Delivery delivery : page.deliveries()) {
			byReceiver.computeIfAbsent(delivery.receiver(), (name) -> new ArrayList<>()).add(delivery);
		}
		return new WebEndpointResponse<>(new Report(this.operations.summary(), byReceiver, page.next()));
	}

	/**
	 * Read one delivery with its failure history.
	 * @param id the delivery id
	 * @return the delivery, or 404
	 */
	@ReadOperation
	public WebEndpointResponse<Object> delivery(@Selector String id) {
		return this.operations.get(id)
			.map((delivery) -> new WebEndpointResponse<Object>(delivery))
			.orElseGet(() -> error(WebEndpointResponse.STATUS_NOT_FOUND, "no delivery " + id));
	}

	/**
	 * Attempt a delivery again now.
	 * @param id the delivery id
	 * @return 200, 404, or 409 for a done or running delivery
	 */
	@WriteOperation
	public WebEndpointResponse<Object> retry(@Selector String id) {
		return answer(id, "retried", this.operations.retry(id));
	}

	/**
	 * Discard a delivery.
	 * @param id the delivery id
	 * @return 200, 404, or 409 for a done or running delivery
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> discard(@Selector String id) {
		return answer(id, "discarded", this.operations.discard(id));
	}

	/**
	 * Retry every delivery that matches.
	 * @param receiver only this receiver's
	 * @param signal only this signal's
	 * @param state only in this state
	 * @param olderThan only those sent at least this long ago
	 * @return how many were retried
	 */
	@WriteOperation
	public WebEndpointResponse<Object> retryAll(@Nullable String receiver, @Nullable String signal,
			@Nullable String state, @Nullable String olderThan) {
		return bulk("retried", () -> this.operations.retryAll(filter(receiver, signal, state, olderThan)));
	}

	/**
	 * Discard every delivery that matches; at least one criterion is needed.
	 * @param receiver only this receiver's
	 * @param signal only this signal's
	 * @param state only in this state
	 * @param olderThan only those sent at least this long ago
	 * @return how many were discarded, or 400 without a criterion
	 */
	@DeleteOperation
	public WebEndpointResponse<Object> discardAll(@Nullable String receiver, @Nullable String signal,
			@Nullable String state, @Nullable String olderThan) {
		return bulk("discarded", () -> this.operations.discardAll(filter(receiver, signal, state, olderThan)));
	}

	/**
	 * Run a bulk action, answering how many deliveries it touched, or 400 for a bad
	 * filter.
	 */
	private static WebEndpointResponse<Object> bulk(String action, IntSupplier run) {
		try {
			return new WebEndpointResponse<>(Map.of(action, run.getAsInt()));
		}
		catch (IllegalArgumentException ex) {
			return error(WebEndpointResponse.STATUS_BAD_REQUEST, ex.getMessage());
		}
	}

	private static DeliveryFilter filter(@Nullable String receiver, @Nullable String signal, @Nullable String state,
			@Nullable String olderThan) {
		if (state != null && !List.of(DeliveryRecord.PENDING, DeliveryRecord.FAILED, DeliveryRecord.QUARANTINED)
			.contains(state)) {
			throw new IllegalArgumentException("state must be pending, failed or quarantined, not '" + state + "'");
		}
		Duration age = null;
		if (olderThan != null) {
			try {
				age = DurationStyle.detectAndParse(olderThan);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"olderThan must be a duration such as 1h or PT1H, not '" + olderThan + "'");
			}
		}
		return new DeliveryFilter(receiver, signal, state, age);
	}

	private static WebEndpointResponse<Object> answer(String id, String action, DeliveryOperations.Outcome outcome) {
		return switch (outcome) {
			case DONE_NOW -> new WebEndpointResponse<>(Map.of("id", id, action, true));
			case NOT_FOUND -> error(WebEndpointResponse.STATUS_NOT_FOUND, "no delivery " + id);
			case ALREADY_DONE -> error(409, "delivery " + id + " is done; a done delivery is not " + action
					+ " (its receiver would run again)");
			case RUNNING -> error(409, "delivery " + id + " is running on an instance now; try again once it ends");
		};
	}

	private static WebEndpointResponse<Object> error(int status, @Nullable String message) {
		return new WebEndpointResponse<>(Map.of("status", status, "error", String.valueOf(message)), status);
	}

	/**
	 * What the endpoint reports.
	 *
	 * @param summary the counts and the oldest pending age
	 * @param receivers the page's deliveries by receiver
	 * @param next the cursor of the next page ({@code after}), {@code null} after the
	 * last
	 */
	public record Report(DeliveryOperations.Summary summary, Map<String, List<Delivery>> receivers,
			@Nullable String next) {

	}

}
