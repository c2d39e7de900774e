package io.signalsforspring.signals;

import org.jspecify.annotations.Nullable;

/**
 * One receiver connected to one {@link Signal}, as returned by {@code connect} and listed
 * by {@link Signal#connections()}.
 *
 * <p>
 * Closing a connection disconnects it, so a receiver can be connected for a block:
 *
 * <pre class="code">
 * try (Connection connection = signal.connect(receiver)) {
 *     // receiver is called for sends in this block
 * }
 * </pre>
 *
 * Implementations are thread-safe.
 */
public interface Connection extends Scope {

	/**
	 * Return the signal this receiver is connected to.
	 * @return the signal
	 */
	Signal signal();

	/**
	 * Return the receiver: a {@link ReceiverFunction} or a {@link BoundReceiver}, or
	 * {@code null} if it was weakly held and has been collected.
	 * @return the receiver or {@code null}
	 */
	@Nullable Object receiver();

	/**
	 * Return the owner of a {@link BoundReceiver}, or {@code null} for other receivers
	 * and for an owner that has been collected.
	 * @return the owner or {@code null}
	 */
	@Nullable Object owner();

	/**
	 * Return the sender this receiver is limited to, or {@code null} when it receives
	 * from any sender (or when its sender has been collected).
	 * @return the sender or {@code null}
	 */
	@Nullable Object sender();

	/**
	 * Return whether this receiver is limited to one sender.
	 * @return {@code true} if a sender was given at connect time
	 */
	boolean hasSenderFilter();

	/**
	 * Return the dispatch uid given at connect time, if any.
	 * @return the uid or {@code null}
	 */
	@Nullable String dispatchUid();

	/**
	 * Return whether the receiver (or its owner) is held through a weak reference.
	 * @return {@code true} if weakly held
	 */
	boolean isWeak();

	/**
	 * Return whether this receiver is still connected and alive.
	 * @return {@code true} if a send would call it
	 */
	boolean isConnected();

	/**
	 * Disconnect this receiver.
	 * @return {@code true} if it was connected until now
	 */
	boolean disconnect();

	@Override
	default void close() {
		disconnect();
	}

}
