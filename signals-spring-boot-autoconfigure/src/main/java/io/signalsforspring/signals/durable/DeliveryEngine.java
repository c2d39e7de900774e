package io.signalsforspring.signals.durable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.DurableReceivers;
import io.signalsforspring.signals.spring.internal.BeforeCommitPhase;
import io.signalsforspring.signals.spring.internal.DurableDeliveries;
import io.signalsforspring.signals.spring.internal.ConnectedReceiver;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The durable delivery engine, on db-scheduler: each delivery is a one-time task
 * execution in the {@code signals_delivery} table, whose data is the JSON
 * {@link DeliveryRecord}, under the application's group (its task name), so that several
 * applications can share the table and each runs only its own deliveries.
 *
 * <ul>
 * <li>A send's delivery is inserted through a transaction-aware data source, so the row
 * commits or rolls back with the sending transaction: a transaction's deliveries go in
 * one batched INSERT at the end of its before-commit phase (after the Hibernate bridge's
 * flush), those recorded later (by the commit's own flush) one by one.</li>
 * <li>After the commit, the local scheduler is told to look for due executions at once,
 * so the first attempt needs no polling delay.</li>
 * <li>db-scheduler claims an execution by a versioned update (the version is the fencing
 * token), keeps a heartbeat while it runs, and revives executions whose instance stopped
 * beating: a crashed instance's deliveries are taken over.</li>
 * <li>A success deletes the row (or keeps it as {@code done}, far in the future, for
 * {@code keep-done-for}, after which a recurring cleanup deletes it). A failure
 * reschedules it with backoff and the error; the last one keeps it as {@code failed}, far
 * in the future, until an operator retries or discards it. An unreadable record is
 * {@code quarantined} at once.</li>
 * </ul>
 * It starts polling only when a durable receiver is registered.
 */
public final class DeliveryEngine implements DurableDeliveries, DurableReceivers, SmartLifecycle {

	/** Where kept deliveries wait: never due. */
	static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

	/** The name prefix of the relay receivers that publish broadcasts. */
	static final String BROADCAST = "broadcast:";

	/** Where done deliveries are kept, when they are kept: after the failed ones. */
	static final Instant DONE = Instant.parse("9999-12-31T00:00:00Z");

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private final DataSource dataSource;

	private final ArgumentCodec codec;

	private final TransactionOperations transactions;

	private final DurableSettings settings;

	private final Runnable schema;

	private final Map<String, Registered> receivers = new ConcurrentHashMap<>();

	private final CustomTask<String> task;

	private final RecurringTask<Void> cleanup;

	private volatile @Nullable SchedulerClient client;

	private volatile @Nullable String database;

	private final Object batchKey = new Object();

	private final String origin = UUID.randomUUID().toString();

	/**
	 * The ids of the broadcasts this instance ran lately: a publish retried after the
	 * broker took it arrives twice and runs once.
	 */
	private final Set<String> receivedBroadcasts = Collections
		.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > 100_000;
			}

		}));

	private final Set<Signal> signalsWithReceivers = ConcurrentHashMap.newKeySet();

	private final Map<String, DurableReceiver> broadcastReceivers = new ConcurrentHashMap<>();

	private volatile @Nullable Scheduler scheduler;

	private volatile boolean running;

	private volatile Runnable onAttempt = () -> {
	};

	private volatile Runnable onFailure = () -> {
	};

	private DeliveryEngine(DataSource dataSource, ArgumentCodec codec, TransactionOperations transactions,
			DurableSettings settings, Runnable schema) {
		this.dataSource = dataSource;
		this.schema = schema;
		this.codec = codec;
		this.transactions = transactions;
		this.settings = settings;
		this.task = Tasks.custom(settings.group(), String.class)
			.onFailure(this::failed)
			.execute((instance, context) -> {
				DeliveryRecord done = deliver(instance.getId(), instance.getData());
				if (settings.keepDoneFor().isZero()) {
					return new CompletionHandler.OnCompleteRemove<>();
				}
				return (complete, operations) -> operations.reschedule(complete, DONE,
						done.withState(DeliveryRecord.DONE, null).write(this.codec.json()));
			});
		this.cleanup = Tasks
			.recurring(settings.group() + "-cleanup",
					FixedDelay
						.of(clamp(settings.keepDoneFor().dividedBy(2), Duration.ofSeconds(1), Duration.ofMinutes(10))))
			.execute((instance, context) -> deleteDone());
	}

	private static Duration clamp(Duration value, Duration min, Duration max) {
		return (value.compareTo(min) < 0) ? min : (value.compareTo(max) > 0) ? max : value;
	}

	/**
	 * Delete kept done deliveries older than {@code signals.durable.keep-done-for}.
	 */
	private void deleteDone() {
		if (!this.settings.keepDoneFor().isZero()) {
			new JdbcTemplate(this.dataSource).update(
					"delete from " + DurableSettings.TABLE + " where task_name = ? and execution_time >= ? "
							+ "and last_success < ?",
					this.task.getName(), DONE.atOffset(ZoneOffset.UTC),
					OffsetDateTime.now(ZoneOffset.UTC).minus(this.settings.keepDoneFor()));
		}
	}

	/**
	 * Create the engine; it starts polling only once a durable receiver is registered.
	 * @param dataSource the application's data source, which holds the deliveries
	 * @param json the JSON mapper that writes and reads arguments
	 * @param entities the entities, stored by name and id
	 * @param transactions the transactions deliveries run in
	 * @param settings the settings
	 * @param schema what makes sure the table exists, run before the first poll
	 * @return the engine
	 */
	public static DeliveryEngine create(DataSource dataSource, JsonMapper json, Entities entities,
			TransactionOperations transactions, DurableSettings settings, Runnable schema) {
		return new DeliveryEngine(dataSource, new ArgumentCodec(json, entities), transactions, settings, schema);
	}

	@Override
	public void register(DurableReceiver receiver) {
		this.codec.checkStorable(receiver.signal());
		RetryPolicy policy = this.settings.retry()
			.with(receiver.maxAttempts(), receiver.firstRetryDelay(), receiver.maxRetryDelay());
		this.receivers.put(key(receiver.signal().name(), receiver.name()), new Registered(receiver, policy, null));
		this.signalsWithReceivers.add(receiver.signal());
	}

	@Override
	public Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver) {
		if (this.receivers.containsKey(key(signal.name(), name))) {
			throw new IllegalStateException(
					"A durable receiver named '" + name + "' of " + signal + " is connected already");
		}
		DurableReceiver durable = new ConnectedReceiver(signal, name, receiver);
		register(durable);
		startIfRunning();
		return signal.connect((event) -> {
			record(durable, event);
			return null;
		}, sender, false, "durable:" + name);
	}

	/**
	 * Start polling for a receiver registered after the context started.
	 */
	private void startIfRunning() {
		if (this.running && this.scheduler == null) {
			start();
		}
	}

	private static String key(String signal, String receiver) {
		return signal + " " + receiver;
	}

	@Override
	public void record(DurableReceiver receiver, SignalEvent event) {
		record(receiver, event, Outgoing.NONE);
	}

	/**
	 * Record a delivery that leaves for a broker, with its key and headers: in the
	 * current transaction if one is active, at once otherwise.
	 * @param receiver the relay receiver it is recorded under
	 * @param event the send
	 * @param outgoing its key and headers
	 * @return the delivery's id
	 */
	public String record(DurableReceiver receiver, SignalEvent event, Outgoing outgoing) {
		String id = UUID.randomUUID().toString();
		DeliveryRecord record = DeliveryRecord.create(this.codec.json(), id, event.signal().name(), receiver.name(),
				this.codec.writeSender(event.sender()), this.codec.writeArguments(event.arguments()), this.origin,
				outgoing);
		TaskInstance<String> instance = this.task.instance(id, record.write(this.codec.json()));
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			write(client(), List.of(instance));
			wakeUp();
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
			write(client(), List.of(instance));
		}
		else {
			batch.instances.add(instance);
		}
		return id;
	}

	@Override
	public boolean hasReceivers(Signal signal) {
		return this.signalsWithReceivers.contains(signal);
	}

	/**
	 * Insert new deliveries: one JDBC batch, without db-scheduler's look for an existing
	 * row first (the ids are new).
	 */
	private static void write(SchedulerClient client, List<TaskInstance<?>> instances) {
		if (!instances.isEmpty()) {
			client.scheduleBatch(instances, Instant.now());
		}
	}

	private void wakeUp() {
		Scheduler running = this.scheduler;
		if (running != null) {
			running.triggerCheckForDueExecutions();
		}
	}

	private DeliveryRecord deliver(String id, @Nullable String stored) {
		if (stored == null) {
			throw new UnreadableDeliveryException("the record has no data");
		}
		this.onAttempt.run();
		DeliveryRecord record = DeliveryRecord.read(this.codec.json(), stored);
		Registered registered = this.receivers.get(key(record.signal(), record.receiver()));
		if (registered == null) {
			throw new UnreadableDeliveryException(
					"no durable receiver " + record.receiver() + " of " + record.signal() + " is connected");
		}
		Relay relay = registered.relay();
		if (relay != null) {
			String name = registered.receiver().name();
			relay.publish(record.envelope(this.codec.json(),
					name.startsWith(BROADCAST) ? name.substring(BROADCAST.length()) : null));
			return record;
		}
		invokeFresh(registered.receiver(), record, id);
		return record;
	}

	/**
	 * Call a receiver with the arguments of a record, loaded fresh, in a transaction of
	 * its own.
	 */
	private void invokeFresh(DurableReceiver receiver, DeliveryRecord record, String id) {
		Signal signal = receiver.signal();
		this.transactions.executeWithoutResult((status) -> {
			Map<String, @Nullable Object> arguments = this.codec.readArguments(record.arguments(), signal);
			arguments.put(DurableReceiver.DELIVERY_ID, id);
			SignalEvent event = SignalEvent.of(signal, this.codec.readSender(record.sender()), arguments);
			try {
				receiver.invoke(event);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new DeliveryFailedException(ex);
			}
		});
	}

	/**
	 * Register a receiver that runs in every instance: its sends are recorded in the
	 * outbox under a relay receiver, whose delivery hands the envelope to
	 * {@code publish}; {@link #receiveBroadcast} runs it when an envelope comes back from
	 * the broker.
	 * @param receiver the receiver to run in every instance
	 * @param publish what sends an envelope to the broker (throwing on failure, so that
	 * the outbox retries it)
	 * @return the relay receiver, to record sends under
	 */
	public DurableReceiver registerBroadcast(DurableReceiver receiver, Relay publish) {
		DurableReceiver relay = registerRelay(receiver.signal(), BROADCAST + receiver.name(), publish);
		this.broadcastReceivers.put(key(receiver.signal().name(), receiver.name()), receiver);
		return relay;
	}

	/**
	 * Register a relay: sends recorded under it are handed to {@code publish} after the
	 * commit, retried until the broker takes them, at the configured pace.
	 * @param signal the signal whose sends it relays
	 * @param name the relay's stable name
	 * @param publish what sends an envelope to the broker (throwing on failure, so that
	 * the outbox retries it)
	 * @return the relay receiver, to record sends under
	 * @throws IllegalStateException if the signal's arguments cannot be stored
	 */
	public DurableReceiver registerRelay(Signal signal, String name, Relay publish) {
		this.codec.checkStorable(signal);
		DurableReceiver relay = new ConnectedReceiver(signal, name, (event) -> {
			throw new IllegalStateException("a relay is not invoked");
		});
		// A broker outage delays a publication, never drops it: the relay retries until
		// it gets through, at the configured pace.
		RetryPolicy untilPublished = new RetryPolicy(Integer.MAX_VALUE, this.settings.retry().firstDelay(),
				this.settings.retry().maxDelay());
		this.receivers.put(key(signal.name(), relay.name()), new Registered(relay, untilPublished, publish));
		this.signalsWithReceivers.add(signal);
		startIfRunning();
		return relay;
	}

	/**
	 * Run the local receiver of an envelope that came from the broker, with its arguments
	 * loaded fresh, once; nothing for an envelope this instance sent, whose receiver ran
	 * here after the commit, nor for one of the last 100,000 it ran (published twice). A
	 * failure is logged: a broadcast is not retried.
	 * @param envelope the envelope
	 */
	public void receiveBroadcast(String envelope) {
		DeliveryRecord record;
		try {
			record = DeliveryRecord.read(this.codec.json(), envelope);
		}
		catch (RuntimeException ex) {
			logger.error("Broadcast ignored, it cannot be read: {}", ex.getMessage());
			return;
		}
		if (this.origin.equals(record.origin())) {
			// the sending instance ran it after its commit
			return;
		}
		// an envelope names the receiver itself, not its relay
		String name = record.receiver();
		DurableReceiver receiver = this.broadcastReceivers.get(key(record.signal(), name));
		if (receiver == null) {
			logger.debug("Broadcast {} of {} has no receiver {} in this instance", record.id(), record.signal(), name);
			return;
		}
		if (!this.receivedBroadcasts.add(record.id())) {
			// published twice: a publish that failed on this side of the broker was
			// retried
			logger.debug("Broadcast {} of {} received again, not run again", record.id(), record.signal());
			return;
		}
		try {
			invokeFresh(receiver, record, record.id());
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex instanceof DeliveryFailedException && ex.getCause() != null) ? ex.getCause() : ex;
			logger.error("Receiver {} of broadcast {} ({}) failed in this instance", name, record.id(), record.signal(),
					cause);
		}
	}

	private void failed(ExecutionComplete complete, ExecutionOperations<String> operations) {
		this.onFailure.run();
		String stored = (String) complete.getExecution().taskInstance.getData();
		Throwable cause = complete.getCause().orElse(null);
		if (cause instanceof DeliveryFailedException wrapped && wrapped.getCause() != null) {
			cause = wrapped.getCause();
		}
		String error = (cause != null) ? cause.getClass().getName() + ": " + cause.getMessage() : "unknown failure";
		String id = complete.getExecution().taskInstance.getId();
		if (cause instanceof UnreadableDeliveryException || stored == null) {
			logger.error("Delivery {} quarantined: {}", id, error);
			operations.reschedule(complete, NEVER,
					DeliveryRecord.quarantine(this.codec.json(), (stored != null) ? stored : "", error));
			return;
		}
		DeliveryRecord record;
		try {
			record = DeliveryRecord.read(this.codec.json(), stored);
		}
		catch (UnreadableDeliveryException ex) {
			operations.reschedule(complete, NEVER, DeliveryRecord.quarantine(this.codec.json(), stored, error));
			return;
		}
		Registered registered = this.receivers.get(key(record.signal(), record.receiver()));
		RetryPolicy policy = (registered != null) ? registered.policy() : this.settings.retry();
		int attempts = complete.getExecution().consecutiveFailures + 1 - record.retryBase();
		if (attempts >= policy.maxAttempts()) {
			logger.error("Delivery {} of {} to {} failed {} times and is kept as failed: {}", id, record.signal(),
					record.receiver(), attempts, error, cause);
			operations.reschedule(complete, NEVER,
					record.withState(DeliveryRecord.FAILED, error).write(this.codec.json()));
		}
		else {
			Duration delay = policy.delayAfter(attempts);
			logger.warn("Delivery {} of {} to {} failed (attempt {} of {}), next attempt in {}: {}", id,
					record.signal(), record.receiver(), attempts, policy.maxAttempts(), delay, error);
			operations.reschedule(complete, Instant.now().plus(delay),
					record.withState(DeliveryRecord.PENDING, error).write(this.codec.json()));
		}
	}

	/**
	 * The client that records deliveries, through a transaction-aware data source so that
	 * a record joins the sending transaction.
	 */
	SchedulerClient client() {
		SchedulerClient existing = this.client;
		if (existing != null) {
			return existing;
		}
		synchronized (this) {
			if (this.client == null) {
				this.client = newClient(new TransactionAwareDataSourceProxy(this.dataSource));
			}
			return this.client;
		}
	}

	private SchedulerClient newClient(DataSource source) {
		return SchedulerClient.Builder.create(source, this.task)
			.serializer(new TextSerializer())
			.tableName(DurableSettings.TABLE)
			.jdbcCustomization(jdbcCustomization())
			.build();
	}

	private JdbcCustomization jdbcCustomization() {
		return "postgresql".equals(database()) ? new PostgreSqlJdbcCustomization(false, false)
				: new DefaultJdbcCustomization(false);
	}

	private String database() {
		String known = this.database;
		if (known == null) {
			known = DeliverySchema.database(this.dataSource);
			this.database = known;
		}
		return known;
	}

	/**
	 * Count attempts and failures.
	 * @param attempt what to run at each attempt
	 * @param failure what to run at each failed attempt
	 */
	void count(Runnable attempt, Runnable failure) {
		this.onAttempt = attempt;
		this.onFailure = failure;
	}

	/**
	 * Return this instance's id, recorded as the {@code origin} of its sends.
	 * @return the id, new at each start of the application
	 */
	public String origin() {
		return this.origin;
	}

	/**
	 * Return the application's group, the db-scheduler task name of its deliveries.
	 * @return the group
	 */
	public String group() {
		return this.task.getName();
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	JsonMapper json() {
		return this.codec.json();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.receivers.isEmpty() || this.scheduler != null) {
			return;
		}
		this.schema.run();
		SchedulerBuilder builder = Scheduler.create(this.dataSource, List.of(this.task))
			.serializer(new TextSerializer())
			.tableName(DurableSettings.TABLE)
			.jdbcCustomization(jdbcCustomization())
			.schedulerName(new SchedulerName.Hostname())
			.threads(this.settings.threads())
			.pollingInterval(this.settings.pollingInterval())
			.heartbeatInterval(this.settings.heartbeatInterval())
			.missedHeartbeatsLimit(this.settings.missedHeartbeatsLimit())
			.shutdownMaxWait(this.settings.shutdownMaxWait())
			.enableImmediateExecution()
			// rows of other applications sharing the table are theirs: never delete them
			.deleteUnresolvedAfter(Duration.ofDays(3650));
		if (!this.settings.keepDoneFor().isZero()) {
			builder.startTasks(this.cleanup);
		}
		if ("postgresql".equals(database())) {
			// SELECT ... FOR UPDATE SKIP LOCKED: claims without contention between
			// instances
			builder.pollUsingLockAndFetch(0.5, 1.0);
		}
		Scheduler started = builder.build();
		started.start();
		this.scheduler = started;
		logger.info("Durable delivery started for {} receivers", this.receivers.size());
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Scheduler started = this.scheduler;
		this.scheduler = null;
		if (started != null) {
			started.stop();
		}
	}

	/**
	 * Whether the engine is polling: started, with at least one durable receiver.
	 */
	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Start after the receivers are connected and stop before the data source closes,
	 * after the web server stopped taking requests.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/**
	 * Publishes an envelope to the broker; a failure makes the outbox retry it.
	 */
	@FunctionalInterface
	public interface Relay {

		/**
		 * Publish an envelope.
		 * @param envelope the envelope
		 */
		void publish(Envelope envelope);

	}

	private record Registered(DurableReceiver receiver, RetryPolicy policy, @Nullable Relay relay) {

	}

	/**
	 * Task data is the record's JSON text, stored as UTF-8 (the cleanup task has none).
	 */
	private static final class TextSerializer implements Serializer {

		@Override
		public byte @Nullable [] serialize(@Nullable Object data) {
			return (data != null) ? ((String) data).getBytes(StandardCharsets.UTF_8) : null;
		}

		@Override
		public <T> @Nullable T deserialize(Class<T> type, byte @Nullable [] serialized) {
			return (serialized != null && type == String.class)
					? type.cast(new String(serialized, StandardCharsets.UTF_8)) : null;
		}

	}

	/**
	 * The deliveries a transaction records, written with one batched INSERT at the end of
	 * its before-commit phase (after the bridge's flush), or one by one once that moment
	 * has passed; the local scheduler looks for them as soon as the transaction has
	 * committed.
	 */
	private final class Batch implements TransactionSynchronization {

		private final List<TaskInstance<?>> instances = new ArrayList<>();

		private boolean written;

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = true;
			write(client(), this.instances);
			this.instances.clear();
		}

		/**
		 * A batch registered after the before-commit phase had passed (a flush inside the
		 * commit that the bridge could not anticipate) was never written: write it now,
		 * after the commit, rather than lose it, and say so.
		 */
		@Override
		public void afterCommit() {
			if (!this.instances.isEmpty()) {
				logger.warn("{} durable deliveries were recorded after the transaction's before-commit phase and are "
						+ "written after its commit (a crash in between would lose them); keep "
						+ "signals.jpa.before-commit-flush on", this.instances.size());
				// not through the transaction-aware data source: the committed
				// transaction's
				// connection is still bound, and nothing written on it would commit
				write(newClient(DeliveryEngine.this.dataSource), this.instances);
				this.instances.clear();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(DeliveryEngine.this.batchKey);
			if (status == STATUS_COMMITTED) {
				wakeUp();
			}
		}

	}

	/** A checked exception of a receiver, carried through the delivery transaction. */
	private static final class DeliveryFailedException extends RuntimeException {

		DeliveryFailedException(Exception cause) {
			super(cause);
		}

	}

}
