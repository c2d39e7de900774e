package io.signalsforspring.signals.durable;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.DurableReceivers;
import io.signalsforspring.signals.spring.internal.ConnectedReceiver;
import io.signalsforspring.signals.spring.internal.DurableDeliveries;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The durable delivery engine, on db-scheduler: each delivery is a one-time task
 * execution in the {@code signals_delivery} table, whose data is the JSON
 * {@link DeliveryRecord}, under the application's group (its task name), so that several
 * applications can share the table and each runs only its own deliveries. Broker
 * publications are executions of a task of their own ({@code <group>-relay}), run by a
 * scheduler of their own on threads of their own, so that a broker outage never holds the
 * threads of durable receivers.
 * <p>
 * The engine puts the parts together and runs them: {@link DeliveryReceivers} (who can be
 * delivered to), {@link DeliveryRecorder} (rows written with the sending transaction),
 * {@link DeliveryRunner} (an attempt), {@link DeliveryFailures} (every way an attempt
 * fails, counted against the limit), {@link DeliveryRetention} (kept rows deleted in
 * time) and {@link DeliveryTable} (the database). db-scheduler claims an execution by a
 * versioned update (the fencing token), keeps a heartbeat while it runs, and hands
 * executions whose instance stopped beating to {@link DeliveryFailures#dead}. It polls
 * only when a receiver or relay is registered.
 */
public final class DeliveryEngine implements DurableDeliveries, DurableReceivers, Outbox, SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.durable");

	private final ArgumentCodec codec;

	private final DurableSettings settings;

	private final Runnable schema;

	private final String origin = UUID.randomUUID().toString();

	private final String instance;

	private final DeliveryReceivers receivers = new DeliveryReceivers();

	private final DeliveryRunner runner;

	private final DeliveryFailures failures;

	private final CustomTask<String> deliveries;

	private final CustomTask<String> relays;

	private final RecurringTask<Void> cleanup;

	private final DeliveryTable table;

	private final DeliveryRecorder recorder;

	private volatile @Nullable Scheduler deliveryScheduler;

	private volatile @Nullable Scheduler relayScheduler;

	private volatile boolean running;

	private DeliveryEngine(DataSource dataSource, ArgumentCodec codec, TransactionOperations transactions,
			DurableSettings settings, Runnable schema) {
		this.codec = codec;
		this.settings = settings;
		this.schema = schema;
		this.instance = hostname() + "/" + this.origin.substring(0, 8);
		this.runner = new DeliveryRunner(this.receivers, codec, transactions, settings, this.instance);
		this.failures = new DeliveryFailures(this.receivers, codec.json(), settings, this.instance);
		this.deliveries = task(settings.group());
		this.relays = task(settings.relayTask());
		this.table = new DeliveryTable(dataSource, settings.schema(), List.of(this.deliveries, this.relays));
		this.cleanup = DeliveryRetention.task(this.table, settings);
		this.recorder = new DeliveryRecorder(this.table, codec, settings, this.origin,
				(relay) -> relay ? this.relays : this.deliveries, this::wakeUp);
	}

	private CustomTask<String> task(String name) {
		return Tasks.custom(name, String.class)
			.onFailure(this.failures::failed)
			.onDeadExecution(this.failures::dead)
			.execute((execution, context) -> this.runner.run(execution));
	}

	private static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown-host";
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
		this.receivers.add(receiver, policy, null);
		startIfRunning();
	}

	@Override
	public Connection connect(Signal signal, @Nullable Object sender, String name, ReceiverFunction receiver) {
		if (this.receivers.contains(signal.name(), name)) {
			throw new IllegalStateException(
					"A durable receiver named '" + name + "' of " + signal + " is connected already");
		}
		DurableReceiver durable = new ConnectedReceiver(signal, name, receiver);
		register(durable);
		return signal.connect((event) -> {
			record(durable, event);
			return null;
		}, sender, false, "durable:" + name);
	}

	@Override
	public DurableReceiver registerRelay(Signal signal, String name, RetryPolicy policy, Relay relay) {
		this.codec.checkStorable(signal);
		DurableReceiver relayReceiver = new ConnectedReceiver(signal, name, (event) -> {
			throw new IllegalStateException("a relay is not invoked");
		});
		this.receivers.add(relayReceiver, policy, relay);
		startIfRunning();
		return relayReceiver;
	}

	/**
	 * Start polling for a receiver registered after the context started.
	 */
	private void startIfRunning() {
		if (this.running) {
			start();
		}
	}

	@Override
	public void record(DurableReceiver receiver, SignalEvent event) {
		record(receiver, event, Outgoing.NONE);
	}

	@Override
	public String record(DurableReceiver receiver, SignalEvent event, Outgoing outgoing) {
		DeliveryReceivers.Registered registered = this.receivers.get(receiver.signal().name(), receiver.name());
		return this.recorder.record(receiver, event, outgoing, registered != null && registered.relay() != null);
	}

	@Override
	public void complete(String id) {
		this.table.plainClient().cancel(TaskInstanceId.of(this.deliveries.getName(), id));
	}

	@Override
	public Received read(String envelope) {
		DeliveryRecord record;
		try {
			record = DeliveryRecord.read(this.codec.json(), envelope);
		}
		catch (UnreadableDeliveryException ex) {
			throw new RefusedMessageException("not an envelope: " + ex.getMessage());
		}
		return new Received(record.id(), record.signal(), record.receiver(), record.origin(), record);
	}

	@Override
	public void run(DurableReceiver receiver, Received envelope) throws Exception {
		if (!(envelope.record() instanceof DeliveryRecord record)) {
			throw new RefusedMessageException("not an envelope read by this engine");
		}
		try {
			this.runner.invoke(receiver, record, envelope.id(), true);
		}
		catch (UnreadableDeliveryException ex) {
			throw new RefusedMessageException(String.valueOf(ex.getMessage()), ex);
		}
		catch (DeliveryRunner.DeliveryFailedException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	@Override
	public boolean hasReceivers(Signal signal) {
		return this.receivers.hasReceivers(signal);
	}

	private void wakeUp() {
		Scheduler deliveries = this.deliveryScheduler;
		if (deliveries != null) {
			deliveries.triggerCheckForDueExecutions();
		}
		Scheduler relays = this.relayScheduler;
		if (relays != null) {
			relays.triggerCheckForDueExecutions();
		}
	}

	/**
	 * Count attempts and failures.
	 * @param attempt what to run at each attempt
	 * @param failure what to run at each failed attempt
	 */
	void count(Runnable attempt, Runnable failure) {
		this.runner.countAttempts(attempt);
		this.failures.countFailures(failure);
	}

	@Override
	public String origin() {
		return this.origin;
	}

	/**
	 * Return this instance's name, as claims ({@code picked_by}) and failures name it:
	 * the host name and the start of the process's id.
	 * @return the name
	 */
	public String instance() {
		return this.instance;
	}

	@Override
	public String group() {
		return this.settings.group();
	}

	DeliveryTable table() {
		return this.table;
	}

	/**
	 * Whether this application stores deliveries at all: with neither a durable receiver
	 * nor an externalized signal, the table is never used (nor created), and there is
	 * nothing to read in it.
	 */
	boolean usesTable() {
		return this.receivers.hasDurableReceivers() || this.receivers.hasRelays();
	}

	DurableSettings settings() {
		return this.settings;
	}

	JsonMapper json() {
		return this.codec.json();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		boolean durable = this.receivers.hasDurableReceivers();
		boolean relaying = this.receivers.hasRelays();
		if ((durable || relaying) && this.deliveryScheduler == null) {
			this.schema.run();
			if (this.settings.groupDefaulted()) {
				logger
					.warn("Durable deliveries are stored under the group '{}', the fallback for applications that set "
							+ "neither spring.application.name nor signals.durable.group. Every such application on this "
							+ "database shares it and would claim the others' deliveries: set spring.application.name",
							this.settings.group());
			}
			// the delivery scheduler runs the cleanup too, so it always starts
			this.deliveryScheduler = scheduler(this.deliveries, this.settings.threads(), true);
			logger.info("Durable delivery started for {} receivers as instance {}", this.receivers.size(),
					this.instance);
		}
		if (relaying && this.relayScheduler == null) {
			this.relayScheduler = scheduler(this.relays, this.settings.relayThreads(), false);
		}
	}

	private Scheduler scheduler(CustomTask<String> task, int threads, boolean withCleanup) {
		SchedulerBuilder builder = Scheduler.create(this.table.dataSource(), List.of(task))
			.serializer(DeliveryTable.TEXT)
			.tableName(this.table.name())
			.jdbcCustomization(this.table.jdbcCustomization())
			.schedulerName(new SchedulerName.Fixed(this.instance))
			.threads(threads)
			.pollingInterval(this.settings.pollingInterval())
			.heartbeatInterval(this.settings.heartbeatInterval())
			.missedHeartbeatsLimit(this.settings.missedHeartbeatsLimit())
			.shutdownMaxWait(this.settings.shutdownMaxWait())
			.enableImmediateExecution()
			// rows of other applications sharing the table are theirs: never delete them
			.deleteUnresolvedAfter(Duration.ofDays(3650));
		if (withCleanup) {
			builder.startTasks(this.cleanup);
		}
		// Not db-scheduler's lock-and-fetch: its one UPDATE claims due rows of every task
		// name it has not seen yet, and so takes, once per name, a row of the other
		// scheduler of this application or of another application sharing the table,
		// which then stays claimed until its heartbeat is found dead. Fetching first
		// skips
		// the rows of unknown tasks without claiming them.
		Scheduler started = builder.build();
		started.start();
		return started;
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		Scheduler relaying = this.relayScheduler;
		Scheduler delivering = this.deliveryScheduler;
		this.relayScheduler = null;
		this.deliveryScheduler = null;
		if (relaying != null) {
			relaying.stop();
		}
		if (delivering != null) {
			delivering.stop();
		}
	}

	/**
	 * Whether the engine is polling: started, with at least one receiver or relay.
	 */
	@Override
	public boolean isRunning() {
		return this.deliveryScheduler != null;
	}

	/**
	 * Start after the receivers are connected and stop before the data source closes,
	 * after the web server stopped taking requests.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

}
