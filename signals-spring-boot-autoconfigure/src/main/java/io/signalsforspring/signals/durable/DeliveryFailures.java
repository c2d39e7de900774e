package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every way an attempt can end badly, counted the same way against the receiver's
 * {@code maxAttempts}: an exception (or an interrupted attempt past its timeout) is
 * retried with backoff and, after the last attempt, kept as {@code failed}; a process
 * that stopped while running it (found by db-scheduler as a dead execution: its heartbeat
 * stopped) is a failed attempt too, retried alone, and after the last one the delivery is
 * {@code quarantined}, not retried again, since retrying it takes an instance down. A
 * record that cannot be delivered as stored, or a publication the broker refuses for
 * good, is quarantined at once. Attempts are counted in the record, never from
 * db-scheduler's {@code consecutive_failures}, which its reschedules reset.
 */
final class DeliveryFailures {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private final DeliveryReceivers receivers;

	private final JsonMapper json;

	private final DurableSettings settings;

	private final String instance;

	private volatile Runnable onFailure = () -> {
	};

	DeliveryFailures(DeliveryReceivers receivers, JsonMapper json, DurableSettings settings, String instance) {
		this.receivers = receivers;
		this.json = json;
		this.settings = settings;
		this.instance = instance;
	}

	void countFailures(Runnable failure) {
		this.onFailure = failure;
	}

	/**
	 * An attempt that threw.
	 */
	void failed(ExecutionComplete complete, ExecutionOperations<String> operations) {
		this.onFailure.run();
		String stored = (String) complete.getExecution().taskInstance.getData();
		String id = complete.getExecution().taskInstance.getId();
		Throwable cause = complete.getCause().orElse(null);
		if (cause instanceof DeliveryRunner.DeliveryFailedException wrapped && wrapped.getCause() != null) {
			cause = wrapped.getCause();
		}
		String error = (cause != null) ? cause.getClass().getName() + ": " + cause.getMessage() : "unknown failure";
		if (cause instanceof UnreadableDeliveryException || cause instanceof RefusedMessageException
				|| stored == null) {
			logger.error("Delivery {} quarantined: {}", id, error);
			operations.reschedule(complete, DeliveryTable.NEVER, quarantine(stored, error));
			return;
		}
		DeliveryRecord record;
		try {
			record = DeliveryRecord.read(this.json, stored);
		}
		catch (UnreadableDeliveryException ex) {
			operations.reschedule(complete, DeliveryTable.NEVER, quarantine(stored, error));
			return;
		}
		RetryPolicy policy = policy(record);
		DeliveryRecord counted = record.failed(DeliveryRecord.PENDING, error, false, this.instance, Instant.now());
		int attempts = counted.attempts();
		if (attempts >= policy.maxAttempts()) {
			logger.error("Delivery {} of {} to {} failed {} times and is kept as failed: {}", id, record.signal(),
					record.receiver(), attempts, error, cause);
			operations.reschedule(complete, DeliveryTable.NEVER,
					counted.withState(DeliveryRecord.FAILED, null).write(this.json));
		}
		else {
			Duration delay = policy.delayAfter(attempts);
			logger.warn("Delivery {} of {} to {} failed (attempt {} of {}), next attempt in {}: {}", id,
					record.signal(), record.receiver(), attempts, policy.maxAttempts(), delay, error);
			operations.reschedule(complete, Instant.now().plus(delay), counted.write(this.json));
		}
	}

	/**
	 * An attempt whose process stopped: its claim's heartbeat ran out. A death while
	 * other deliveries ran beside it may not be this delivery's fault, so the last
	 * attempt is only ever one it ran alone.
	 */
	void dead(ExecutionComplete complete, ExecutionOperations<String> operations) {
		this.onFailure.run();
		String stored = (String) complete.getExecution().taskInstance.getData();
		String id = complete.getExecution().taskInstance.getId();
		String pickedBy = complete.getExecution().pickedBy;
		String where = (pickedBy != null) ? pickedBy : "an instance";
		if (stored == null) {
			operations.reschedule(complete, Instant.now(), stored);
			return;
		}
		DeliveryRecord record;
		try {
			record = DeliveryRecord.read(this.json, stored);
		}
		catch (UnreadableDeliveryException ex) {
			operations.reschedule(complete, DeliveryTable.NEVER, quarantine(stored, String.valueOf(ex.getMessage())));
			return;
		}
		boolean alone = record.deaths() > 0;
		String error = "the process running it (" + where + ") stopped";
		DeliveryRecord counted = record.failed(DeliveryRecord.PENDING, error, true, where, Instant.now());
		RetryPolicy policy = policy(record);
		if (counted.attempts() >= policy.maxAttempts() && alone) {
			String reason = "the process running it stopped " + counted.deaths() + " times (last " + where
					+ "), the last time running it alone; it is not retried again";
			logger.error("Delivery {} of {} to {} quarantined: {}", id, record.signal(), record.receiver(), reason);
			operations.reschedule(complete, DeliveryTable.NEVER,
					counted.withState(DeliveryRecord.QUARANTINED, reason).write(this.json));
			return;
		}
		Duration delay = policy.delayAfter(Math.max(1, counted.attempts()));
		logger.warn("Delivery {} of {} to {}: {} (attempt {} of {}); it runs alone from now on, next in {}", id,
				record.signal(), record.receiver(), error, counted.attempts(), policy.maxAttempts(), delay);
		operations.reschedule(complete, Instant.now().plus(delay), counted.write(this.json));
	}

	private RetryPolicy policy(DeliveryRecord record) {
		DeliveryReceivers.Registered registered = this.receivers.get(record.signal(), record.receiver());
		return (registered != null) ? registered.policy() : this.settings.retry();
	}

	private String quarantine(@Nullable String stored, String reason) {
		return DeliveryRecord.quarantine(this.json, (stored != null) ? stored : "", reason);
	}

}
