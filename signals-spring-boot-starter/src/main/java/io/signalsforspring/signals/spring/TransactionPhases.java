package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.SignalEvent;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Defers a receiver to a phase of the current Spring-managed transaction. Loaded only
 * when {@code spring-tx} is on the class path.
 */
final class TransactionPhases implements TransactionSynchronization {

	private final MethodReceiver receiver;

	private final SignalEvent event;

	private final ReceiverScheduler scheduler;

	private TransactionPhases(MethodReceiver receiver, SignalEvent event, ReceiverScheduler scheduler) {
		this.receiver = receiver;
		this.event = event;
		this.scheduler = scheduler;
	}

	/**
	 * Register the receiver with the current transaction.
	 * @return {@code false} if no transaction is active (synchronization alone, as with
	 * {@code SUPPORTS} propagation, is not a transaction to wait for: Spring's
	 * transactional event listeners decide the same way)
	 */
	static boolean register(MethodReceiver receiver, SignalEvent event, ReceiverScheduler scheduler) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionPhases(receiver, event, scheduler));
		return true;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (this.receiver.phase() == Phase.BEFORE_COMMIT) {
			BeforeCommitPhase.begin();
			try {
				this.scheduler.runBeforeCommit(this.receiver, this.event);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Receiver " + this.receiver + " failed before commit", ex);
			}
		}
	}

	@Override
	public void afterCompletion(int status) {
		Phase phase = this.receiver.phase();
		if ((phase == Phase.AFTER_COMMIT && status == STATUS_COMMITTED)
				|| (phase == Phase.AFTER_ROLLBACK && status == STATUS_ROLLED_BACK) || phase == Phase.AFTER_COMPLETION) {
			this.scheduler.runReported(this.receiver, this.event);
		}
	}

}
