package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.jspecify.annotations.Nullable;

/**
 * What operators can see and do with deliveries that are not done: page through them,
 * read one with its failure history, retry one or many now (their attempts counted
 * afresh), or discard one or many. Used by the {@code signaldeliveries} actuator endpoint
 * and the metrics. Nothing here loads the whole table: lists and bulk actions read it a
 * page at a time, by id.
 */
public final class DeliveryOperations {

	/** The most deliveries a page holds. */
	public static final int MAX_PAGE = 500;

	private static final int SCAN = 200;

	private final DeliveryEngine engine;

	/**
	 * Create the operations of an engine.
	 * @param engine the engine
	 */
	public DeliveryOperations(DeliveryEngine engine) {
		this.engine = engine;
	}

	/**
	 * List the first deliveries that are not done (pending, failed, quarantined) and
	 * match a filter, by id.
	 * @param filter which deliveries
	 * @param limit the most to return, at most {@value #MAX_PAGE}
	 * @param after the {@code next} cursor of the previous page, or {@code null} for the
	 * first
	 * @return the page, with the cursor of the next one if there may be more
	 */
	public Page list(DeliveryFilter filter, int limit, @Nullable String after) {
		if (!this.engine.usesTable()) {
			return new Page(List.of(), null);
		}
		int size = Math.max(1, Math.min(limit, MAX_PAGE));
		List<Delivery> deliveries = new ArrayList<>();
		String cursor = after;
		Instant now = Instant.now();
		while (deliveries.size() < size) {
			List<DeliveryTable.Row> rows = this.engine.table().page(cursor, SCAN);
			for (DeliveryTable.Row row : rows) {
				cursor = row.id();
				Delivery delivery = describe(row.id(), row.data(), row.executionTime(), row.picked(), row.pickedBy());
				if (filter.matches(delivery, now)) {
					deliveries.add(delivery);
					if (deliveries.size() == size) {
						return new Page(deliveries, cursor);
					}
				}
			}
			if (rows.size() < SCAN) {
				return new Page(deliveries, null);
			}
		}
		return new Page(deliveries, cursor);
	}

	/**
	 * Read one delivery, done ones included, with its failure history.
	 * @param id the delivery id
	 * @return the delivery, if there is one
	 */
	public Optional<Delivery> get(String id) {
		return execution(id).map((execution) -> describe(id, (String) execution.getData(), execution.getExecutionTime(),
				execution.isPicked(), execution.getPickedBy()));
	}

	private Optional<ScheduledExecution<Object>> execution(String id) {
		if (!this.engine.usesTable()) {
			return Optional.empty();
		}
		for (String task : tasks()) {
			Optional<ScheduledExecution<Object>> execution = this.engine.table()
				.plainClient()
				.getScheduledExecution(TaskInstanceId.of(task, id));
			if (execution.isPresent()) {
				return execution;
			}
		}
		return Optional.empty();
	}

	private List<String> tasks() {
		return List.of(this.engine.group(), this.engine.settings().relayTask());
	}

	private Delivery describe(String id, @Nullable String data, Instant executionTime, boolean picked,
			@Nullable String pickedBy) {
		Instant next = executionTime.isBefore(DeliveryTable.NEVER) ? executionTime : null;
		String claimedBy = picked ? pickedBy : null;
		try {
			DeliveryRecord record = DeliveryRecord.read(this.engine.json(), (data != null) ? data : "");
			List<Delivery.Failure> history = record.history()
				.stream()
				.map((failure) -> new Delivery.Failure(failure.time(), failure.attempt(), failure.error(),
						failure.instance()))
				.toList();
			return new Delivery(id, record.signal(), record.receiver(), record.state(), record.sentAt(),
					record.attempts(), next, claimedBy, record.lastError(), history);
		}
		catch (RuntimeException ex) {
			return new Delivery(id, "?", "?", DeliveryRecord.QUARANTINED, null, 0, next, claimedBy,
					"unreadable: " + ex.getMessage(), List.of());
		}
	}

	/**
	 * Attempt a delivery again now, with a fresh count of attempts.
	 * @param id the delivery id
	 * @return what happened: retried, or why not
	 */
	public Outcome retry(String id) {
		Optional<ScheduledExecution<Object>> found = execution(id);
		if (found.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		ScheduledExecution<Object> execution = found.get();
		Outcome refused = refusal(execution);
		if (refused != null) {
			return refused;
		}
		String stored = (String) execution.getData();
		String data;
		try {
			data = DeliveryRecord.read(this.engine.json(), (stored != null) ? stored : "")
				.retried()
				.write(this.engine.json());
		}
		catch (RuntimeException ex) {
			data = stored;
		}
		return this.engine.table().plainClient().reschedule(execution.getTaskInstance(), Instant.now(), data)
				? Outcome.DONE_NOW : Outcome.NOT_FOUND;
	}

	private @Nullable Outcome refusal(ScheduledExecution<Object> execution) {
		if (!execution.getExecutionTime().isBefore(DeliveryTable.DONE)) {
			return Outcome.ALREADY_DONE;
		}
		if (execution.isPicked()) {
			return Outcome.RUNNING;
		}
		return null;
	}

	/**
	 * Discard a delivery: it is never attempted again.
	 * @param id the delivery id
	 * @return what happened: discarded, or why not
	 */
	public Outcome discard(String id) {
		Optional<ScheduledExecution<Object>> found = execution(id);
		if (found.isEmpty()) {
			return Outcome.NOT_FOUND;
		}
		Outcome refused = refusal(found.get());
		if (refused != null) {
			return refused;
		}
		this.engine.table().plainClient().cancel(found.get().getTaskInstance());
		return Outcome.DONE_NOW;
	}

	/**
	 * Retry every delivery that matches a filter and is not running, a page at a time.
	 * @param filter which deliveries
	 * @return how many were retried
	 */
	public int retryAll(DeliveryFilter filter) {
		return each(filter, this::retry);
	}

	/**
	 * Discard every delivery that matches a filter and is not running, a page at a time.
	 * @param filter which deliveries; at least one criterion
	 * @return how many were discarded
	 * @throws IllegalArgumentException if the filter names no criterion
	 */
	public int discardAll(DeliveryFilter filter) {
		if (filter.isEmpty()) {
			throw new IllegalArgumentException(
					"name a receiver, a signal, a state or an age (olderThan): discarding everything at once is refused");
		}
		return each(filter, this::discard);
	}

	private int each(DeliveryFilter filter, Function<String, Outcome> action) {
		int count = 0;
		String cursor = null;
		do {
			Page page = list(filter, MAX_PAGE, cursor);
			for (Delivery delivery : page.deliveries()) {
				if (delivery.claimedBy() == null && action.apply(delivery.id()) == Outcome.DONE_NOW) {
					count++;
				}
			}
			cursor = page.next();
		}
		while (cursor != null);
		return count;
	}

	/**
	 * Count the deliveries by state and find how long the oldest due one has waited:
	 * three indexed queries, cheap enough for every metrics scrape.
	 * @return the summary
	 */
	public Summary summary() {
		if (!this.engine.usesTable()) {
			return new Summary(0, 0, Duration.ZERO);
		}
		DeliveryTable table = this.engine.table();
		Instant now = Instant.now();
		int pending = table.count(Instant.EPOCH, DeliveryTable.NEVER);
		int failed = table.count(DeliveryTable.NEVER, DeliveryTable.DONE);
		Instant oldestDue = table.oldestDue(now);
		Duration age = (oldestDue != null) ? Duration.between(oldestDue, now) : Duration.ZERO;
		return new Summary(pending, failed, age.isNegative() ? Duration.ZERO : age);
	}

	/**
	 * What an operator's action on one delivery did.
	 */
	public enum Outcome {

		/** Done as asked. */
		DONE_NOW,

		/** No such delivery. */
		NOT_FOUND,

		/** Refused: the delivery is done; a done delivery is never run again. */
		ALREADY_DONE,

		/** Refused: an instance is running it now. */
		RUNNING

	}

	/**
	 * One page of deliveries.
	 *
	 * @param deliveries the deliveries, by id
	 * @param next the cursor of the next page, {@code null} after the last
	 */
	public record Page(List<Delivery> deliveries, @Nullable String next) {

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
