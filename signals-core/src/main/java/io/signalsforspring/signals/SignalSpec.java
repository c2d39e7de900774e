package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What defines a {@link Signal}: its name and the arguments it declares. A mutable
 * builder; a signal copies it when constructed. (Django's {@code use_caching} has no
 * counterpart: every signal resolves its receivers per sender once per connect or
 * disconnect.)
 *
 * <pre class="code">
 * SignalSpec.named("book_published").argument("book", Book.class).argument("author", Author.class)
 * </pre>
 *
 * <p>
 * A signal that declares no arguments accepts any; one that declares some rejects a send
 * with an undeclared argument or without a required one.
 */
public final class SignalSpec {

	private final String name;

	private final List<Argument> arguments = new ArrayList<>();

	private SignalSpec(String name) {
		if (name.isBlank()) {
			throw new IllegalArgumentException("A signal needs a name");
		}
		this.name = name;
	}

	/**
	 * Start a spec for a signal with the given name, used in messages and introspection.
	 * @param name the name, such as {@code "order_confirmed"}
	 * @return a new spec
	 */
	public static SignalSpec named(String name) {
		return new SignalSpec(name);
	}

	/**
	 * Declare a required argument: every send must pass it, possibly as {@code null}.
	 * @param name the argument's name
	 * @param type the type of its values, used to check receivers that bind it
	 * @return this spec
	 */
	public SignalSpec argument(String name, Class<?> type) {
		return add(new Argument(name, type, true));
	}

	/**
	 * Declare an optional argument: a send may leave it out.
	 * @param name the argument's name
	 * @param type the type of its values
	 * @return this spec
	 */
	public SignalSpec optionalArgument(String name, Class<?> type) {
		return add(new Argument(name, type, false));
	}

	private SignalSpec add(Argument argument) {
		for (Argument existing : this.arguments) {
			if (existing.name().equals(argument.name())) {
				throw new IllegalArgumentException(
						"Signal '" + this.name + "' declares argument '" + argument.name() + "' twice");
			}
		}
		this.arguments.add(argument);
		return this;
	}

	String name() {
		return this.name;
	}

	List<Argument> arguments() {
		return Collections.unmodifiableList(new ArrayList<>(this.arguments));
	}

	/**
	 * One argument a signal declares.
	 *
	 * @param name the argument's name, as receivers see it
	 * @param type the type of its values
	 * @param required whether every send must pass it
	 */
	public record Argument(String name, Class<?> type, boolean required) {

		@Override
		public String toString() {
			return this.name + ": " + this.type.getSimpleName() + (this.required ? "" : " (optional)");
		}

	}

	static void check(Signal signal, Argument[] declared, Map<String, ?> arguments) {
		int known = 0;
		for (Argument argument : declared) {
			if (arguments.containsKey(argument.name())) {
				known++;
			}
			else if (argument.required()) {
				throw new IllegalArgumentException("Missing argument '" + argument.name() + "' for " + signal
						+ "; it declares " + Arrays.toString(declared));
			}
		}
		if (known != arguments.size()) {
			List<String> unknown = new ArrayList<>();
			for (String name : arguments.keySet()) {
				if (Arrays.stream(declared).noneMatch((argument) -> argument.name().equals(name))) {
					unknown.add(name);
				}
			}
			throw new IllegalArgumentException("Undeclared argument(s) " + unknown + " sent with " + signal
					+ "; it declares " + Arrays.toString(declared));
		}
	}

}
