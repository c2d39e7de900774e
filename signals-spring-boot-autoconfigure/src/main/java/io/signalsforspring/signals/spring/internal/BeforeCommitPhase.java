package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.spring.Phase;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Marks the current transaction as being in its before-commit phase, from the first
 * before-commit work of the bridge until the transaction completes. Spring runs the
 * before-commit callbacks registered when the phase starts; a signal sent later in that
 * phase, or by the commit's own flush, would register a callback that never runs. While
 * the mark is set, {@link Phase#BEFORE_COMMIT} receivers run at once instead: still
 * inside the transaction, before the commit. The mark follows the transaction when Spring
 * suspends and resumes it. Loaded only when {@code spring-tx} is on the class path.
 *
 * <p>
 * Infrastructure: public only for the Hibernate bridge.
 */
public final class BeforeCommitPhase implements TransactionSynchronization {

	private static final Object KEY = new Object();

	private BeforeCommitPhase() {
	}

	/**
	 * Return whether the current transaction's before-commit phase is under way (the
	 * bridge's before-commit flush has started), so that a synchronization registered now
	 * would not run before the commit.
	 * @return whether the phase is under way
	 */
	public static boolean isUnderWay() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.hasResource(KEY);
	}

	/**
	 * Mark the current transaction's before-commit phase as under way, before work that
	 * belongs to it (such as the bridge's flush): from now until the transaction
	 * completes, {@link Phase#BEFORE_COMMIT} receivers run at once. Does nothing without
	 * transaction synchronization.
	 */
	public static void begin() {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(KEY)) {
			TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommitPhase());
		}
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
	}

}
