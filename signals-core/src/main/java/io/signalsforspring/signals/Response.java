package io.signalsforspring.signals;

import org.jspecify.annotations.Nullable;

/**
 * What one receiver answered to one send: Django's {@code (receiver, response)} pair.
 *
 * <p>
 * From {@link Signal#send} every response has a value and no error. From
 * {@link Signal#sendRobust} a receiver that threw has its exception, with its stack
 * trace, as {@link #error()} and a {@code null} value.
 *
 * @param connection the receiver's connection
 * @param value what the receiver returned
 * @param error what the receiver threw, for a robust send
 */
public record Response(Connection connection, @Nullable Object value, @Nullable Exception error) {

	/**
	 * Return the receiver that gave this response.
	 * @return the receiver, or {@code null} if it was weakly held and has since been
	 * collected
	 */
	public @Nullable Object receiver() {
		return this.connection.receiver();
	}

	/**
	 * Return whether the receiver threw.
	 * @return {@code true} if {@link #error()} is set
	 */
	public boolean failed() {
		return this.error != null;
	}

}
