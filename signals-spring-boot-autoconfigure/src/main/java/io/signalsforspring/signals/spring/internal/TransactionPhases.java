package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.spring.Phase;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Defers work to a phase of the current Spring-managed transaction. Loaded only when
 * {@code spring-tx} is on the class path.
 */
final class TransactionPhases implements TransactionSynchronization {

	private final Phase phase;

	private final Object name;

	private final Work beforeCommit;

	private final Runnable afterCompletion;

	private TransactionPhases(Phase phase, Object name, Work beforeCommit, Runnable afterCompletion) {
		this.phase = phase;
		this.name = name;
		this.beforeCommit = beforeCommit;
		this.afterCompletion = afterCompletion;
	}

	/**
	 * Register work with the current transaction: {@code beforeCommit} for
	 * {@link Phase#BEFORE_COMMIT}, {@code afterCompletion} for the other phases when the
	 * outcome matches.
	 * @param name what the work is, for the message of a before-commit failure
	 * @return {@code false} if no transaction is active (synchronization alone, as with
	 * {@code SUPPORTS} propagation, is not a transaction to wait for: Spring's
	 * transactional event listeners decide the same way)
	 */
	static boolean register(Phase phase, Object name, Work beforeCommit, Runnable afterCompletion) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		TransactionSynchronizationManager
			.registerSynchronization(new TransactionPhases(phase, name, beforeCommit, afterCompletion));
		return true;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (this.phase == Phase.BEFORE_COMMIT) {
			BeforeCommitPhase.begin();
			try {
				this.beforeCommit.run();
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Receiver " + this.name + " failed before commit", ex);
			}
		}
	}

	@Override
	public void afterCompletion(int status) {
		if ((this.phase == Phase.AFTER_COMMIT && status == STATUS_COMMITTED)
				|| (this.phase == Phase.AFTER_ROLLBACK && status == STATUS_ROLLED_BACK)
				|| this.phase == Phase.AFTER_COMPLETION) {
			this.afterCompletion.run();
		}
	}

	/** Work that may throw. */
	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

}
