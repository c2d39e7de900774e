package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.BeforeCommitPhase;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records deliveries with the sending transaction: a transaction's deliveries go in one
 * batched INSERT at the end of its before-commit phase (after the Hibernate bridge's
 * flush), those recorded later (by the commit's own flush) one by one, and outside a
 * transaction at once. After the commit the local schedulers are told to look for due
 * deliveries.
 */
final class DeliveryRecorder {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private final DeliveryTable table;

	private final ArgumentCodec codec;

	private final DurableSettings settings;

	private final String origin;

	private final Function<Boolean, CustomTask<String>> tasks;

	private final Runnable wakeUp;

	private final Object batchKey = new Object();

	/**
	 * @param tasks the task of a delivery: the relay task for {@code true}
	 */
	DeliveryRecorder(DeliveryTable table, ArgumentCodec codec, DurableSettings settings, String origin,
			Function<Boolean, CustomTask<String>> tasks, Runnable wakeUp) {
		this.table = table;
		this.codec = codec;
		this.settings = settings;
		this.origin = origin;
		this.tasks = tasks;
		this.wakeUp = wakeUp;
	}

	String record(DurableReceiver receiver, SignalEvent event, Outgoing outgoing, boolean relay) {
		String id = (outgoing.id() != null) ? outgoing.id() : UUID.randomUUID().toString();
		DeliveryRecord record = DeliveryRecord.create(this.codec.json(), id, event.signal().name(), receiver.name(),
				this.codec.writeSender(event.sender()), this.codec.writeArguments(event.arguments()), this.origin,
				outgoing);
		Pending pending = new Pending(this.tasks.apply(relay).instance(id, record.write(this.codec.json())),
				outgoing.hold());
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			write(this.table.transactionalClient(), List.of(pending));
			this.wakeUp.run();
			return id;
		}
		Batch batch = (Batch) TransactionSynchronizationManager.getResource(this.batchKey);
		if (batch == null) {
			batch = new Batch();
			TransactionSynchronizationManager.bindResource(this.batchKey, batch);
			TransactionSynchronizationManager.registerSynchronization(batch);
			// Registered once the before-commit phase is under way (by the commit's
			// flush), or with batching off: the batch would not be written before the
			// commit.
			batch.written = !this.settings.batch() || BeforeCommitPhase.isUnderWay();
		}
		if (batch.written) {
			write(this.table.transactionalClient(), List.of(pending));
		}
		else {
			batch.pending.add(pending);
		}
		return id;
	}

	/**
	 * Insert new deliveries: one JDBC batch per due time, without db-scheduler's look for
	 * an existing row first (the ids are new).
	 */
	private static void write(SchedulerClient client, List<Pending> pending) {
		if (pending.isEmpty()) {
			return;
		}
		Instant now = Instant.now();
		List<TaskInstance<?>> due = new ArrayList<>();
		for (Pending one : pending) {
			if (one.hold().isZero()) {
				due.add(one.instance());
			}
			else {
				client.scheduleBatch(List.of(one.instance()), now.plus(one.hold()));
			}
		}
		if (!due.isEmpty()) {
			client.scheduleBatch(due, now);
		}
	}

	private record Pending(TaskInstance<String> instance, Duration hold) {

	}

	/**
	 * The deliveries a transaction records, written with one batched INSERT at the end of
	 * its before-commit phase (after the bridge's flush), or one by one once that moment
	 * has passed; the local schedulers look for them as soon as the transaction has
	 * committed.
	 */
	private final class Batch implements TransactionSynchronization {

		private final List<Pending> pending = new ArrayList<>();

		private boolean written;

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = true;
			write(DeliveryRecorder.this.table.transactionalClient(), this.pending);
			this.pending.clear();
		}

		/**
		 * A batch registered after the before-commit phase had passed (a flush inside the
		 * commit that the bridge could not anticipate) was never written: write it now,
		 * after the commit, rather than lose it, and say so.
		 */
		@Override
		public void afterCommit() {
			if (!this.pending.isEmpty()) {
				logger.warn("{} durable deliveries were recorded after the transaction's before-commit phase and are "
						+ "written after its commit (a crash in between would lose them); keep "
						+ "signals.jpa.before-commit-flush on", this.pending.size());
				// not through the transaction-aware data source: the committed
				// transaction's connection is still bound, and nothing written on it
				// would commit
				write(DeliveryRecorder.this.table.plainClient(), this.pending);
				this.pending.clear();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(DeliveryRecorder.this.batchKey);
			if (status == STATUS_COMMITTED) {
				DeliveryRecorder.this.wakeUp.run();
			}
		}

	}

}
