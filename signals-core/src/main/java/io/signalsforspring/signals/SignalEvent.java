package io.signalsforspring.signals;

import java.util.Collections;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One send of a {@link Signal} as a receiver sees it: the signal, the sender and the
 * named arguments (Django's {@code signal}, {@code sender} and {@code **kwargs}). Every
 * receiver of a send gets the same event; it is immutable.
 *
 * <p>
 * An event is made by a send from its map of arguments, or in advance by
 * {@link Signal#event(Object, Object...)} from the values of the signal's declared
 * arguments in declaration order, and sent with {@link Signal#sendEvent}. Receivers see
 * no difference.
 */
public final class SignalEvent {

	private final Signal signal;

	private final @Nullable Object sender;

	/**
	 * The named arguments as a {@code Map}, or, when the signal made this event, the
	 * values of its declared arguments as an {@code Object[]} in declaration order,
	 * checked then and never changed. One field for both keeps the event at 24 bytes.
	 */
	private final Object arguments;

	SignalEvent(Signal signal, @Nullable Object sender, Map<String, ?> arguments) {
		this.signal = signal;
		this.sender = sender;
		this.arguments = arguments;
	}

	SignalEvent(Signal signal, @Nullable Object sender, @Nullable Object[] values) {
		this.signal = signal;
		this.sender = sender;
		this.arguments = values;
	}

	/**
	 * Rebuild the event of an earlier send, for a receiver that runs later than the send
	 * (a durable receiver delivered after a restart, a test). Nothing is checked against
	 * the signal's declared arguments; the map is not copied.
	 * @param signal the signal that was sent
	 * @param sender the sender, or {@code null}
	 * @param arguments the named arguments
	 * @return the event
	 */
	public static SignalEvent of(Signal signal, @Nullable Object sender, Map<String, ?> arguments) {
		return new SignalEvent(signal, sender, arguments);
	}

	/**
	 * Return the signal that was sent.
	 * @return the signal
	 */
	public Signal signal() {
		return this.signal;
	}

	/**
	 * Return the sender, or {@code null} when the signal was sent without one.
	 * @return the sender
	 */
	public @Nullable Object sender() {
		return this.sender;
	}

	/**
	 * Return the named arguments, read-only.
	 * @return the arguments, Django's {@code **kwargs}
	 */
	public Map<String, @Nullable Object> arguments() {
		if (this.arguments instanceof Object[] values) {
			return new DeclaredArguments(this.signal.declaredNames(), values);
		}
		return Collections.unmodifiableMap(named());
	}

	/**
	 * Return whether the send carried the named argument (possibly with a {@code null}
	 * value).
	 * @param name the argument's name
	 * @return {@code true} if present
	 */
	public boolean has(String name) {
		if (this.arguments instanceof Object[]) {
			return this.signal.slot(name) >= 0;
		}
		return named().containsKey(name);
	}

	/**
	 * Return a named argument.
	 * @param name the argument's name
	 * @return its value, or {@code null} if absent or {@code null}
	 */
	public @Nullable Object get(String name) {
		if (this.arguments instanceof Object[] values) {
			int slot = this.signal.slot(name);
			return (slot >= 0) ? values[slot] : null;
		}
		return named().get(name);
	}

	/**
	 * Return a named argument of an expected type.
	 * @param <T> the expected type
	 * @param name the argument's name
	 * @param type the expected type
	 * @return its value, or {@code null} if absent or {@code null}
	 * @throws ClassCastException naming the argument if the value is of another type
	 */
	public <T> @Nullable T get(String name, Class<T> type) {
		Object value = get(name);
		if (value != null && !type.isInstance(value)) {
			throw new ClassCastException("Argument '" + name + "' of " + this.signal + " is a "
					+ value.getClass().getName() + ", not a " + type.getName());
		}
		return type.cast(value);
	}

	/** Whether the signal made this event, so that its arguments were checked then. */
	boolean isPrepared() {
		return this.arguments instanceof Object[];
	}

	@SuppressWarnings("unchecked")
	private Map<String, ?> named() {
		return (Map<String, ?>) this.arguments;
	}

	@Override
	public String toString() {
		return this.signal + " from " + this.sender + " with " + arguments().keySet();
	}

}
