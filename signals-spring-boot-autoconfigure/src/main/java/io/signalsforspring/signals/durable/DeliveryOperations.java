package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;

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
	 * List the deliveries that are not done (pending, failed, quarantined), oldest first.
	 * @return the deliveries
	 */
	public List<Delivery> list() {
		List<Delivery> deliveries = new ArrayList<>();
		for (ScheduledExecution<String> execution : this.engine.client()
			.getScheduledExecutionsForTask(this.engine.group(), String.class, ScheduledExecutionsFilter.all())) {
			Delivery delivery = describe(execution);
			if (!DeliveryRecord.DONE.equals(delivery.state())) {
				deliveries.add(delivery);
			}
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
			.getScheduledExecution(TaskInstanceId.of(this.engine.group(), id));
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
		return this.engine.client().reschedule(TaskInstanceId.of(this.engine.group(), id), Instant.now(), data);
	}

	/**
	 * Discard a delivery: it is never attempted again.
	 * @param id the delivery id
	 * @return {@code false} if there is no such delivery
	 */
	public boolean discard(String id) {
		TaskInstanceId instance = TaskInstanceId.of(this.engine.group(), id);
		if (this.engine.client().getScheduledExecution(instance).isEmpty()) {
			return false;
		}
		this.engine.client().cancel(instance);
		return true;
	}

	/**
	 * Count the deliveries by state and find how long the oldest due one has waited: two
	 * indexed queries, cheap enough for every metrics scrape.
	 * @return the summary
	 */
	public Summary summary() {
		JdbcTemplate jdbc = new JdbcTemplate(this.engine.dataSource());
		OffsetDateTime never = DeliveryEngine.NEVER.atOffset(ZoneOffset.UTC);
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		Integer pending = jdbc.queryForObject(
				"select count(*) from " + DurableSettings.TABLE + " where task_name = ? and execution_time < ?",
				Integer.class, this.engine.group(), never);
		Integer failed = jdbc.queryForObject(
				"select count(*) from " + DurableSettings.TABLE
						+ " where task_name = ? and execution_time >= ? and execution_time < ?",
				Integer.class, this.engine.group(), never, DeliveryEngine.DONE.atOffset(ZoneOffset.UTC));
		OffsetDateTime oldestDue = jdbc.queryForObject(
				"select min(execution_time) from " + DurableSettings.TABLE
						+ " where task_name = ? and execution_time <= ?",
				OffsetDateTime.class, this.engine.group(), now);
		Duration age = (oldestDue != null) ? Duration.between(oldestDue.toInstant(), now.toInstant()) : Duration.ZERO;
		return new Summary((pending != null) ? pending : 0, (failed != null) ? failed : 0,
				age.isNegative() ? Duration.ZERO : age);
	}

	/**
	 * How many deliveries wait, how many were given up, and how far behind delivery is.
	 *
	 * @param pending deliveries still to be attempted
	 * @param failed deliveries failed or quarantined
	 * @param oldestPendingAge how long the oldest due delivery has been due (since it was
	 * sent, or since its retry came due), zero if none is due
	 */
	public record Summary(int pending, int failed, Duration oldestPendingAge) {

	}

}
