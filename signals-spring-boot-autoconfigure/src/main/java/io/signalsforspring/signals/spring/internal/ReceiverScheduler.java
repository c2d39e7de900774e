package io.signalsforspring.signals.spring.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.ReceiverErrorHandler;
import io.signalsforspring.signals.spring.ReceiverFailure;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.ClassUtils;

/**
 * Runs {@link Receiver @Receiver} methods in their {@link Phase} and, for asynchronous
 * ones, on the signals task executor; reports failures nobody else could see to the
 * {@link ReceiverErrorHandler}. On context shutdown it waits for asynchronous receivers
 * still running, up to a timeout, and then reports those it cut off.
 *
 * <p>
 * Infrastructure created by the auto-configuration; applications do not use it directly.
 * Public only for the auto-configuration and the test support.
 */
public final class ReceiverScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private final ReceiverErrorHandler errorHandler;

	private final Executor executor;

	private final boolean transactions;

	private final boolean runWithoutTransaction;

	private final Duration shutdownTimeout;

	private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private volatile ReceiverRunObserver runObserver = ReceiverRunObserver.NONE;

	/**
	 * Create a scheduler.
	 * @param errorHandler where failures of deferred and asynchronous receivers go
	 * @param executor where asynchronous receivers run
	 * @param classLoader the application's class loader, asked whether Spring's
	 * transaction support is present
	 * @param runWithoutTransaction whether commit-phase receivers run at once when sent
	 * outside a transaction
	 * @param shutdownTimeout how long shutdown waits for asynchronous receivers
	 */
	public ReceiverScheduler(ReceiverErrorHandler errorHandler, Executor executor, @Nullable ClassLoader classLoader,
			boolean runWithoutTransaction, Duration shutdownTimeout) {
		this.errorHandler = errorHandler;
		this.executor = executor;
		this.transactions = ClassUtils
			.isPresent("org.springframework.transaction.support.TransactionSynchronizationManager", classLoader);
		this.runWithoutTransaction = runWithoutTransaction;
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * Watch every run of a {@code @Receiver} method with this observer from now on.
	 * @param observer the observer
	 */
	public void observeRunsWith(ReceiverRunObserver observer) {
		this.runObserver = observer;
	}

	/**
	 * What watches the runs of receiver methods, {@link ReceiverRunObserver#NONE} if
	 * none.
	 */
	ReceiverRunObserver runObserver() {
		return this.runObserver;
	}

	void schedule(ScheduledReceiver receiver, SignalEvent event) throws Exception {
		Phase phase = receiver.phase();
		if (phase == Phase.IMMEDIATE) {
			runAsync(receiver, event);
		}
		else if (phase == Phase.BEFORE_COMMIT && this.transactions && BeforeCommitPhase.isUnderWay()) {
			runBeforeCommit(receiver, event);
		}
		else if (this.transactions && TransactionPhases.register(phase, receiver,
				() -> runBeforeCommit(receiver, event), () -> runReported(receiver, event))) {
			logger.trace("Deferred {} to {} of the current transaction", receiver, phase);
		}
		else if (this.runWithoutTransaction) {
			if (phase == Phase.BEFORE_COMMIT) {
				runBeforeCommit(receiver, event);
			}
			else if (phase != Phase.AFTER_ROLLBACK) {
				runReported(receiver, event);
			}
		}
		else {
			logger.debug("Skipped {} for {}: its phase is {} and no transaction is active", receiver, event, phase);
		}
	}

	/**
	 * Run in the before-commit phase: exceptions propagate and roll the transaction back.
	 */
	void runBeforeCommit(ScheduledReceiver receiver, SignalEvent event) throws Exception {
		if (receiver.isAsync()) {
			runAsync(receiver, event);
		}
		else {
			receiver.invoke(event);
		}
	}

	/**
	 * Run after completion: nobody can see an exception, so the error handler gets it.
	 */
	void runReported(ScheduledReceiver receiver, SignalEvent event) {
		if (receiver.isAsync()) {
			runAsync(receiver, event);
			return;
		}
		try {
			receiver.invoke(event);
		}
		catch (Exception ex) {
			report(receiver, event, false, ex);
		}
	}

	private void runAsync(ScheduledReceiver receiver, SignalEvent event) {
		InFlight task = new InFlight(receiver, event);
		this.inFlight.add(task);
		try {
			this.executor.execute(() -> {
				try {
					receiver.invoke(event);
				}
				catch (Exception ex) {
					report(receiver, event, true, ex);
				}
				finally {
					finished(task);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			finished(task);
			report(receiver, event, true, ex);
		}
	}

	private void finished(InFlight task) {
		this.inFlight.remove(task);
		synchronized (this.inFlight) {
			this.inFlight.notifyAll();
		}
	}

	private void report(ScheduledReceiver receiver, SignalEvent event, boolean async, Throwable failure) {
		ReceiverFailure report = new ReceiverFailure(event.signal(), event.sender(), receiver.toString(),
				receiver.phase(), async, failure);
		try {
			this.errorHandler.handleError(report);
		}
		catch (RuntimeException ex) {
			logger.error("Receiver error handler failed for {}", report, ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Wait until no asynchronous receiver is queued or running, for tests and orderly
	 * shutdowns.
	 * @param timeout how long to wait at most
	 * @return {@code true} if none is left, {@code false} if the timeout passed first
	 */
	public boolean awaitIdle(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.inFlight) {
			long left = deadline - System.nanoTime();
			while (!this.inFlight.isEmpty() && left > 0) {
				try {
					this.inFlight.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				left = deadline - System.nanoTime();
			}
			return this.inFlight.isEmpty();
		}
	}

	/**
	 * Wait for asynchronous receivers still running, up to the shutdown timeout; then log
	 * at ERROR each one that is cut off.
	 */
	@Override
	public void stop() {
		this.running = false;
		awaitIdle(this.shutdownTimeout);
		List<InFlight> cutOff = new ArrayList<>(this.inFlight);
		if (!cutOff.isEmpty()) {
			logger.error("Shutdown waited {} for asynchronous receivers; {} still running and cut off: {}",
					this.shutdownTimeout, cutOff.size(), cutOff);
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stop after the web server (so requests in progress can still send signals) and
	 * before the executor and data sources are destroyed.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private record InFlight(ScheduledReceiver receiver, SignalEvent event) {

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

		@Override
		public String toString() {
			return this.receiver + " for " + this.event;
		}

	}

}
