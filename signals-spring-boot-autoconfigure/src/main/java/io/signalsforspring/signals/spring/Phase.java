package io.signalsforspring.signals.spring;

/**
 * When a {@link Receiver @Receiver} method runs relative to the transaction in which its
 * signal was sent: the answer to Django's "email sent for a row that rolled back".
 *
 * <p>
 * With no transaction active, a receiver of a commit phase runs at once (as Django's
 * {@code transaction.on_commit} does outside a transaction), unless
 * {@code signals.transaction.run-without-transaction} is {@code false}, in which case it
 * does not run at all.
 */
public enum Phase {

	/**
	 * When the signal is sent, on the sending thread; an exception propagates to the
	 * sender.
	 */
	IMMEDIATE,

	/**
	 * Just before the transaction commits, inside it; an exception rolls the transaction
	 * back and propagates from the commit.
	 */
	BEFORE_COMMIT,

	/**
	 * After the transaction committed; never after a rollback. Exceptions go to the
	 * {@link ReceiverErrorHandler}.
	 */
	AFTER_COMMIT,

	/**
	 * After the transaction rolled back. Exceptions go to the
	 * {@link ReceiverErrorHandler}.
	 */
	AFTER_ROLLBACK,

	/**
	 * After the transaction completed either way. Exceptions go to the
	 * {@link ReceiverErrorHandler}.
	 */
	AFTER_COMPLETION

}
