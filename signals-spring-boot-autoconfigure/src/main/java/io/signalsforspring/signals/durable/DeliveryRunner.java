package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionOperations;

/**
 * Runs one attempt of a delivery that an instance claimed: calls its receiver with the
 * arguments loaded fresh, in a transaction of its own, or hands it to its relay.
 *
 * <ul>
 * <li>A delivery whose receiver this instance does not know (an older or newer version of
 * the application during a rolling deploy) is given back for another instance, without
 * counting an attempt, for {@code signals.durable.unknown-receiver-grace}; only then is
 * it quarantined, naming the instances that refused it.</li>
 * <li>A delivery whose process stopped while it ran (a <em>suspect</em>) runs alone: it
 * starts only when no other delivery runs on this instance, and none starts while it
 * runs; a delivery that cannot start because of that is given back at once, uncounted. So
 * a delivery that kills the process takes nothing else down with it after its first time,
 * and each later death is its own.</li>
 * <li>An attempt that runs longer than {@code signals.durable.attempt-timeout} is
 * interrupted and counts as failed; its transaction rolls back.</li>
 * </ul>
 */
final class DeliveryRunner {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private final DeliveryReceivers receivers;

	private final ArgumentCodec codec;

	private final TransactionOperations transactions;

	private final DurableSettings settings;

	private final String instance;

	private final ReadWriteLock isolation = new ReentrantReadWriteLock();

	/** Interrupts attempts past their timeout, for every engine of the JVM. */
	private static final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "signals-delivery-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Runnable onAttempt = () -> {
	};

	DeliveryRunner(DeliveryReceivers receivers, ArgumentCodec codec, TransactionOperations transactions,
			DurableSettings settings, String instance) {
		this.receivers = receivers;
		this.codec = codec;
		this.transactions = transactions;
		this.settings = settings;
		this.instance = instance;
	}

	void countAttempts(Runnable attempt) {
		this.onAttempt = attempt;
	}

	/**
	 * Run an attempt, returning what to do with the row: delete it (or keep it as done),
	 * or give it back for later.
	 */
	CompletionHandler<String> run(TaskInstance<String> execution) {
		String stored = execution.getData();
		if (stored == null) {
			throw new UnreadableDeliveryException("the record has no data");
		}
		DeliveryRecord record = DeliveryRecord.read(this.codec.json(), stored);
		DeliveryReceivers.Registered registered = this.receivers.get(record.signal(), record.receiver());
		if (registered == null) {
			return unknownReceiver(execution.getId(), record);
		}
		Outbox.Relay relay = registered.relay();
		if (relay != null) {
			this.onAttempt.run();
			String name = registered.receiver().name();
			relay.publish(record.envelope(this.codec.json(),
					name.startsWith(Outbox.BROADCAST) ? name.substring(Outbox.BROADCAST.length()) : null));
			return done(record);
		}
		boolean suspect = record.deaths() > 0;
		Lock lock = suspect ? this.isolation.writeLock() : this.isolation.readLock();
		if (!lock.tryLock()) {
			// a suspect runs alone: give this one back, uncounted
			return later(record, Duration.ofMillis(Math.min(1000, this.settings.pollingInterval().toMillis())));
		}
		try {
			if (suspect) {
				logger.warn("Delivery {} of {} to {} runs alone: the process running it stopped {} time(s)",
						execution.getId(), record.signal(), record.receiver(), record.deaths());
			}
			this.onAttempt.run();
			invoke(registered.receiver(), record, execution.getId(), false);
		}
		finally {
			lock.unlock();
		}
		return done(record);
	}

	private CompletionHandler<String> done(DeliveryRecord record) {
		if (this.settings.keepDoneFor().isZero()) {
			return new CompletionHandler.OnCompleteRemove<>();
		}
		String kept = record.withState(DeliveryRecord.DONE, null).write(this.codec.json());
		return (complete, operations) -> operations.reschedule(complete, DeliveryTable.DONE, kept);
	}

	private CompletionHandler<String> later(DeliveryRecord record, Duration delay) {
		String data = record.write(this.codec.json());
		return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(delay), data);
	}

	/**
	 * Give a delivery whose receiver this instance does not know back for another
	 * instance, until the grace period since the first refusal is over.
	 */
	private CompletionHandler<String> unknownReceiver(String id, DeliveryRecord record) {
		Instant now = Instant.now();
		DeliveryRecord refused = record.refused(this.instance, now);
		Instant first = refused.firstRefusedAt();
		Duration grace = this.settings.unknownReceiverGrace();
		if (first == null || Duration.between(first, now).compareTo(grace) >= 0) {
			throw new UnreadableDeliveryException("no durable receiver " + record.receiver() + " of " + record.signal()
					+ " is connected in the instances that claimed it for " + grace + ": "
					+ String.join(", ", refused.refusedBy()));
		}
		if (record.firstRefusedAt() == null) {
			logger.warn("Delivery {} of {} names receiver {}, which this instance ({}) does not have; it is given back "
					+ "for the instances that have it (a rolling deploy?), and quarantined if none takes it within {}",
					id, record.signal(), record.receiver(), this.instance, grace);
		}
		return later(refused, Duration
			.ofMillis(Math.min(this.settings.pollingInterval().toMillis(), Math.max(100, grace.toMillis() / 10))));
	}

	/**
	 * Call a receiver with the arguments of a record, loaded fresh, in a transaction of
	 * its own, interrupted once the attempt timeout is over; arguments from a broker are
	 * checked against the receiver first.
	 */
	void invoke(DurableReceiver receiver, DeliveryRecord record, String id, boolean fromBroker) {
		Signal signal = receiver.signal();
		if (fromBroker) {
			this.codec.checkFits(record.sender(), record.arguments(), receiver);
		}
		AtomicBoolean timedOut = new AtomicBoolean();
		ScheduledFuture<?> interrupt = watch(Thread.currentThread(), timedOut);
		try {
			this.transactions.executeWithoutResult((status) -> {
				Map<String, @Nullable Object> arguments = this.codec.readArguments(record.arguments(), signal);
				arguments.put(DurableReceiver.DELIVERY_ID, id);
				SignalEvent event = SignalEvent.of(signal, this.codec.readSender(record.sender()), arguments);
				try {
					receiver.invoke(event);
				}
				catch (RuntimeException ex) {
					throw timedOut.get() ? timeout(ex) : ex;
				}
				catch (Exception ex) {
					throw timedOut.get() ? timeout(ex) : new DeliveryFailedException(ex);
				}
				if (timedOut.get()) {
					// finished, but too late: roll back what it wrote, and count it
					throw timeout(null);
				}
			});
		}
		finally {
			if (interrupt != null) {
				interrupt.cancel(false);
			}
			if (timedOut.get()) {
				Thread.interrupted();
			}
		}
	}

	private @Nullable ScheduledFuture<?> watch(Thread thread, AtomicBoolean timedOut) {
		Duration timeout = this.settings.attemptTimeout();
		if (timeout.isZero()) {
			return null;
		}
		return watchdog.schedule(() -> {
			timedOut.set(true);
			thread.interrupt();
		}, timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private AttemptTimedOutException timeout(@Nullable Exception cause) {
		return new AttemptTimedOutException(
				"the attempt did not finish within " + this.settings.attemptTimeout() + " and was interrupted", cause);
	}

	/** A checked exception of a receiver, carried through the delivery transaction. */
	static final class DeliveryFailedException extends RuntimeException {

		DeliveryFailedException(Exception cause) {
			super(cause);
		}

	}

	/** An attempt that ran past its timeout. */
	static final class AttemptTimedOutException extends RuntimeException {

		AttemptTimedOutException(String message, @Nullable Throwable cause) {
			super(message, cause);
		}

	}

}
