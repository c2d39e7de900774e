package io.signalsforspring.signals.cluster;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work in this instance once the current transaction has committed, or at once
 * outside a transaction (synchronization alone, as with {@code SUPPORTS} propagation, is
 * not a transaction to wait for).
 */
final class AfterCommit {

	private AfterCommit() {
	}

	static void run(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					work.run();
				}

			});
		}
		else {
			work.run();
		}
	}

}
