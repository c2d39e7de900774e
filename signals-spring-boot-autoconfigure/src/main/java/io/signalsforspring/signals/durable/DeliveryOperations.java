package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.jspecify.annotations.Nullable;

/**
 * What operators can see and do with deliveries that are not done: list them, retry a
 * failed or quarantined one now, or discard one. Used by the {@code signaldeliveries}
 * actuator endpoint and the metrics.
 */
public final class DeliveryOperations {

	private final DeliveryEngine engine;

	/**
	 * Create the operations of an engine.
	 * @param engine the engine
	 */
	public DeliveryOperations(DeliveryEngine engine) {
		this.engine = engine;
	}

	/**
	 * List the deliveries that are not done, oldest first.
	 * @return the deliveries
	 */
	public List<Delivery> list() {
		List<Delivery> deliveries = new ArrayList<>();
		for (ScheduledExecution<String> execution : this.engine.client()
			.getScheduledExecutionsForTask(this.engine.taskName(), String.class, ScheduledExecutionsFilter.all())) {
			deliveries.add(describe(execution));
		}
		deliveries.sort((a, b) -> compare(a.sentAt(), b.sentAt()));
		return deliveries;
	}

	private static int compare(@Nullable Instant a, @Nullable Instant b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : -1) : 1;
		}
		return a.compareTo(b);
	}

	private Delivery describe(ScheduledExecution<String> execution) {
		String id = execution.getTaskInstance().getId();
		Instant next = execution.getExecutionTime().isBefore(DeliveryEngine.NEVER) ? execution.getExecutionTime()
				: null;
		String claimedBy = execution.isPicked() ? execution.getPickedBy() : null;
		try {
			DeliveryRecord record = DeliveryRecord.read(this.engine.json(), execution.getData());
			return new Delivery(id, record.signal(), record.receiver(), record.state(), record.sentAt(),
					execution.getConsecutiveFailures() - record.retryBase(), next, claimedBy, record.lastError());
		}
		catch (RuntimeException ex) {
			return new Delivery(id, "?", "?", DeliveryRecord.QUARANTINED, null, execution.getConsecutiveFailures(),
					next, claimedBy, "unreadable: " + ex.getMessage());
		}
	}

	/**
	 * Attempt a delivery again now, with a fresh count of attempts if it had failed.
	 * @param id the delivery id
	 * @return {@code false} if there is no such delivery
	 */
	public boolean retry(String id) {
		Optional<ScheduledExecution<Object>> execution = this.engine.client()
			.getScheduledExecution(TaskInstanceId.of(this.engine.taskName(), id));
		if (execution.isEmpty()) {
			return false;
		}
		String stored = (String) execution.get().getData();
		String data;
		try {
			data = DeliveryRecord.read(this.engine.json(), stored)
				.retried(execution.get().getConsecutiveFailures())
				.write(this.engine.json());
		}
		catch (RuntimeException ex) {
			data = stored;
		}
		return this.engine.client().reschedule(TaskInstanceId.of(this.engine.taskName(), id), Instant.now(), data);
	}

	/**
	 * Discard a delivery: it is never attempted again.
	 * @param id the delivery id
	 * @return {@code false} if there is no such delivery
	 */
	public boolean discard(String id) {
		TaskInstanceId instance = TaskInstanceId.of(this.engine.taskName(), id);
		if (this.engine.client().getScheduledExecution(instance).isEmpty()) {
			return false;
		}
		this.engine.client().cancel(instance);
		return true;
	}

	/**
	 * Count the deliveries by state and find the age of the oldest pending one.
	 * @return the summary
	 */
	public Summary summary() {
		int pending = 0;
		int failed = 0;
		Instant oldest = null;
		for (Delivery delivery : list()) {
			if (DeliveryRecord.PENDING.equals(delivery.state())) {
				pending++;
				if (delivery.sentAt() != null && (oldest == null || delivery.sentAt().isBefore(oldest))) {
					oldest = delivery.sentAt();
				}
			}
			else {
				failed++;
			}
		}
		return new Summary(pending, failed, (oldest != null) ? Duration.between(oldest, Instant.now()) : Duration.ZERO);
	}

	/**
	 * How many deliveries wait, how many were given up, and how long the oldest waits.
	 *
	 * @param pending deliveries still to be attempted
	 * @param failed deliveries failed or quarantined
	 * @param oldestPendingAge the age of the oldest pending delivery, zero if none
	 */
	public record Summary(int pending, int failed, Duration oldestPendingAge) {

	}

}
