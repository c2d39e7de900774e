package io.signalsforspring.signals;

/**
 * Thrown by {@link Signal#send} when a receiver throws a checked exception; the
 * receiver's exception is the cause. Unchecked exceptions and errors thrown by receivers
 * propagate unwrapped.
 */
public class ReceiverException extends RuntimeException {

	private final transient Connection connection;

	ReceiverException(Connection connection, Exception cause) {
		super("Receiver " + connection + " of " + connection.signal() + " failed: " + cause, cause);
		this.connection = connection;
	}

	/**
	 * Return the connection of the receiver that failed.
	 * @return the connection
	 */
	public Connection connection() {
		return this.connection;
	}

}
