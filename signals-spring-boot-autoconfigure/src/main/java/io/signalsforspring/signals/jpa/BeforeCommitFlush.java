package io.signalsforspring.signals.jpa;

import io.signalsforspring.signals.spring.internal.BeforeCommitPhase;
import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SessionImplementor;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Flushes a session at the start of Spring's before-commit phase instead of inside the
 * commit, so that model signals raised by that flush reach {@code BEFORE_COMMIT}
 * receivers (Spring runs its before-commit callbacks before the commit-time flush, which
 * would be too late for them). Registered once per session and transaction, when the
 * session first loads, persists, merges or removes an entity; it flushes only what the
 * commit would have flushed a moment later, and never a read-only or manually flushed
 * session.
 */
final class BeforeCommitFlush implements TransactionSynchronization {

	private final SessionImplementor session;

	private BeforeCommitFlush(SessionImplementor session) {
		this.session = session;
	}

	/**
	 * Whether the session's transaction has its flush registered already: checked first,
	 * on every load, persist, merge and remove, so that the rest is asked once per
	 * transaction.
	 */
	static boolean isRegisteredFor(SessionImplementor session) {
		return TransactionSynchronizationManager.hasResource(session);
	}

	static void registerFor(SessionImplementor session) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(session)) {
			TransactionSynchronizationManager.bindResource(session, Boolean.TRUE);
			TransactionSynchronizationManager.registerSynchronization(new BeforeCommitFlush(session));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		if (!readOnly && this.session.isOpen() && this.session.isTransactionInProgress()
				&& this.session.getHibernateFlushMode() != FlushMode.MANUAL) {
			BeforeCommitPhase.begin();
			this.session.flush();
		}
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(this.session);
	}

}
