package io.signalsforspring.signals.durable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code signaldeliveries} actuator endpoint: durable deliveries that are not done,
 * grouped by receiver, with their state, age, attempts and last error; a {@code POST
 * /actuator/signaldeliveries/{id}} retries one now, a {@code DELETE
 * /actuator/signaldeliveries/{id}} discards it. The write operations are secured as the
 * application secures its actuator endpoints.
 */
@Endpoint(id = "signaldeliveries")
public final class DeliveriesEndpoint {

	private final DeliveryOperations operations;

	/**
	 * Create the endpoint.
	 * @param operations the operations on deliveries
	 */
	public DeliveriesEndpoint(DeliveryOperations operations) {
		this.operations = operations;
	}

	/**
	 * List the deliveries that are not done.
	 * @return the summary and the deliveries by receiver
	 */
	@ReadOperation
	public Report deliveries() {
		Map<String, List<Delivery>> byReceiver = new LinkedHashMap<>();
		List<Delivery> all = this.operations.list();
		for (Delivery delivery : all) {
			byReceiver.computeIfAbsent(delivery.receiver(), (name) -> new java.util.ArrayList<>()).add(delivery);
		}
		return new Report(this.operations.summary(), byReceiver);
	}

	/**
	 * Attempt a delivery again now.
	 * @param id the delivery id
	 * @return whether it was found
	 */
	@WriteOperation
	public @Nullable Map<String, Object> retry(@Selector String id) {
		return Map.of("id", id, "retried", this.operations.retry(id));
	}

	/**
	 * Discard a delivery.
	 * @param id the delivery id
	 * @return whether it was found
	 */
	@DeleteOperation
	public @Nullable Map<String, Object> discard(@Selector String id) {
		return Map.of("id", id, "discarded", this.operations.discard(id));
	}

	/**
	 * What the endpoint reports.
	 *
	 * @param summary the counts and the oldest pending age
	 * @param receivers the deliveries by receiver
	 */
	public record Report(DeliveryOperations.Summary summary, Map<String, List<Delivery>> receivers) {

	}

}
