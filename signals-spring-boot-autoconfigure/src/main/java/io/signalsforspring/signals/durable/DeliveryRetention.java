package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long kept rows stay: done deliveries for {@code signals.durable.keep-done-for}
 * after they succeeded, failed and quarantined ones for
 * {@code signals.durable.keep-failed-for} after their last failure. A recurring task (one
 * instance at a time) deletes what is older, so the table never grows without bound.
 */
final class DeliveryRetention {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private DeliveryRetention() {
	}

	static RecurringTask<Void> task(DeliveryTable table, DurableSettings settings) {
		return Tasks.recurring(settings.group() + "-cleanup", FixedDelay.of(interval(settings)))
			.execute((instance, context) -> deleteExpired(table, settings));
	}

	static void deleteExpired(DeliveryTable table, DurableSettings settings) {
		Instant now = Instant.now();
		int deleted = table.deleteKept(settings.keepDoneFor().isZero() ? null : now.minus(settings.keepDoneFor()),
				now.minus(settings.keepFailedFor()));
		if (deleted > 0) {
			logger.info("Deleted {} kept deliveries past their retention", deleted);
		}
	}

	/**
	 * Half the shorter retention, between a second and ten minutes.
	 */
	static Duration interval(DurableSettings settings) {
		Duration shorter = settings.keepFailedFor();
		if (!settings.keepDoneFor().isZero() && settings.keepDoneFor().compareTo(shorter) < 0) {
			shorter = settings.keepDoneFor();
		}
		Duration half = shorter.dividedBy(2);
		Duration min = Duration.ofSeconds(1);
		Duration max = Duration.ofMinutes(10);
		return (half.compareTo(min) < 0) ? min : (half.compareTo(max) > 0) ? max : half;
	}

}
