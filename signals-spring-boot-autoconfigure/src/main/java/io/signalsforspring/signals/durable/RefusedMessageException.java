package io.signalsforspring.signals.durable;

/**
 * A message that can never be taken as it is: a send the broker refuses for good (over
 * its size limit, say), which the outbox quarantines at once instead of retrying, or an
 * envelope from the broker that does not fit the receiver it names, which runs nothing
 * and is counted as refused.
 */
public class RefusedMessageException extends RuntimeException {

	/**
	 * Create it.
	 * @param reason why it is refused
	 */
	public RefusedMessageException(String reason) {
		super(reason);
	}

	/**
	 * Create it with the broker's error.
	 * @param reason why it is refused
	 * @param cause the broker's error
	 */
	public RefusedMessageException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
