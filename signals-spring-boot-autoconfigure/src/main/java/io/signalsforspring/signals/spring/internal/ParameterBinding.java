package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.SignalSpec;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.ClassUtils;

/**
 * How one parameter of a receiver method gets its value from a {@link SignalEvent}.
 * Planned once per method and signal at start-up, where every binding problem is
 * reported; applying a plan is a switch and one argument lookup.
 */
final class ParameterBinding {

	private static final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

	private enum Kind {

		EVENT, SIGNAL, SENDER, ALL_ARGUMENTS, ARGUMENT, DELIVERY_ID

	}

	private final Kind kind;

	private final String parameter;

	private final Class<?> type;

	private final boolean primitive;

	private final @Nullable String argument;

	/** Whether the signal declares no arguments, so that the name was not checked. */
	private final boolean undeclared;

	private ParameterBinding(Kind kind, String parameter, Class<?> type, @Nullable String argument) {
		this(kind, parameter, type, argument, false);
	}

	private ParameterBinding(Kind kind, String parameter, Class<?> type, @Nullable String argument,
			boolean undeclared) {
		this.kind = kind;
		this.parameter = parameter;
		this.type = ClassUtils.resolvePrimitiveIfNecessary(type);
		this.primitive = type.isPrimitive();
		this.argument = argument;
		this.undeclared = undeclared;
	}

	/**
	 * Return the type this binding takes an argument as, or {@code null} if it does not
	 * bind that argument.
	 */
	@Nullable Class<?> typeOf(String argument) {
		return (this.kind == Kind.ARGUMENT && argument.equals(this.argument)) ? this.type : null;
	}

	@Nullable Object value(SignalEvent event) {
		return switch (this.kind) {
			case EVENT -> event;
			case SIGNAL -> event.signal();
			case SENDER -> checked(event, event.sender());
			case ALL_ARGUMENTS -> event.arguments();
			case DELIVERY_ID -> deliveryId(event);
			case ARGUMENT -> checked(event, argumentValue(event));
		};
	}

	/**
	 * The argument's value: one lookup. Only for a signal that declares no arguments can
	 * the parameter's camelCase name stand for a snake_case argument, so only then, and
	 * only when the first lookup finds nothing, is the other spelling tried.
	 */
	private @Nullable Object argumentValue(SignalEvent event) {
		String name = this.argument;
		if (name == null) {
			throw new IllegalStateException("not an argument binding");
		}
		Object value = event.get(name);
		if (value == null && this.undeclared && !event.has(name)) {
			return event.get(snakeCase(name));
		}
		return value;
	}

	private @Nullable Object deliveryId(SignalEvent event) {
		Object id = event.get(DurableReceiver.DELIVERY_ID);
		return (this.type == UUID.class && id instanceof String text) ? UUID.fromString(text) : id;
	}

	private @Nullable Object checked(SignalEvent event, @Nullable Object value) {
		if ((value == null) ? this.primitive : !this.type.isInstance(value)) {
			String what = (this.kind == Kind.SENDER) ? "the sender" : "argument '" + this.argument + "'";
			throw new IllegalArgumentException("Cannot pass " + what + " of " + event.signal() + " ("
					+ ((value != null) ? value.getClass().getName() : "null") + ") to parameter '" + this.parameter
					+ "' of type " + this.type.getName());
		}
		return value;
	}

	/**
	 * Plan the bindings of every parameter of a receiver method for one signal.
	 * @throws IllegalStateException naming the parameter, what it could bind to and the
	 * signal's arguments, if a parameter cannot be bound
	 */
	static ParameterBinding[] plan(Method method, Signal signal, Class<?>[] senders, boolean durable) {
		Class<?>[] types = method.getParameterTypes();
		String[] discovered = names.getParameterNames(method);
		ParameterBinding[] plan = new ParameterBinding[types.length];
		for (int i = 0; i < types.length; i++) {
			String name = (discovered != null) ? discovered[i] : "arg" + i;
			plan[i] = (durable && isDeliveryId(name, types[i]))
					? new ParameterBinding(Kind.DELIVERY_ID, name, types[i], null)
					: planOne(name, discovered != null, types[i], signal, senders);
		}
		return plan;
	}

	/**
	 * A durable receiver's {@code String deliveryId} or {@code UUID deliveryId}: the id
	 * of the delivery, the same for every attempt, to use as an idempotency key.
	 */
	private static boolean isDeliveryId(String name, Class<?> type) {
		return (name.equals("deliveryId") || name.equals("delivery_id"))
				&& (type == String.class || type == UUID.class);
	}

	private static ParameterBinding planOne(String name, boolean named, Class<?> type, Signal signal,
			Class<?>[] senders) {
		if (type == SignalEvent.class) {
			return new ParameterBinding(Kind.EVENT, name, type, null);
		}
		if (Signal.class.isAssignableFrom(type)) {
			if (!type.isInstance(signal)) {
				throw problem(name, type, signal,
						"it is a " + type.getSimpleName() + " but the signal is a " + signal.getClass().getName());
			}
			return new ParameterBinding(Kind.SIGNAL, name, type, null);
		}
		if (name.equals("sender")) {
			for (Class<?> sender : senders) {
				if (!ClassUtils.resolvePrimitiveIfNecessary(type).isInstance(sender)) {
					throw problem(name, type, signal, "the sender " + sender.getName() + " is a Class");
				}
			}
			return new ParameterBinding(Kind.SENDER, name, type, null);
		}
		List<SignalSpec.Argument> declared = signal.arguments();
		if (declared.isEmpty()) {
			return Map.class == type ? new ParameterBinding(Kind.ALL_ARGUMENTS, name, type, null)
					: new ParameterBinding(Kind.ARGUMENT, name, type, name, true);
		}
		for (SignalSpec.Argument argument : declared) {
			if (argument.name().equals(name) || argument.name().equals(snakeCase(name))) {
				return argument(name, type, argument, signal);
			}
		}
		if (Map.class == type) {
			return new ParameterBinding(Kind.ALL_ARGUMENTS, name, type, null);
		}
		List<SignalSpec.Argument> byType = new ArrayList<>();
		for (SignalSpec.Argument argument : declared) {
			if (bindsByType(argument, type, named)) {
				byType.add(argument);
			}
		}
		if (byType.size() == 1) {
			return argument(name, type, byType.get(0), signal);
		}
		throw problem(name, type, signal,
				byType.isEmpty() ? "no argument has that name or type" : "several arguments have that type: " + byType);
	}

	/**
	 * Binding by type is for domain types ({@code Order order} for an argument named
	 * {@code confirmed_order}); a {@code String} or {@code Boolean} parameter whose name
	 * matches nothing is a mistake to report, unless the class was compiled without
	 * {@code -parameters} and names are unknown.
	 */
	private static boolean bindsByType(SignalSpec.Argument argument, Class<?> type, boolean named) {
		Class<?> declared = argument.type();
		boolean domainType = !declared.getName().startsWith("java.");
		return (domainType || !named) && declared != Object.class
				&& ClassUtils.resolvePrimitiveIfNecessary(type).isAssignableFrom(declared);
	}

	private static ParameterBinding argument(String name, Class<?> type, SignalSpec.Argument argument, Signal signal) {
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (!boxed.isAssignableFrom(argument.type()) && !argument.type().isAssignableFrom(boxed)) {
			throw problem(name, type, signal, "argument '" + argument.name() + "' is a " + argument.type().getName());
		}
		if (type.isPrimitive() && !argument.required()) {
			throw problem(name, type, signal, "argument '" + argument.name()
					+ "' is optional and may be absent; declare the parameter as " + boxed.getSimpleName());
		}
		return new ParameterBinding(Kind.ARGUMENT, name, type, argument.name());
	}

	private static IllegalStateException problem(String name, Class<?> type, Signal signal, String why) {
		return new IllegalStateException("cannot bind parameter '" + name + "' (" + type.getSimpleName() + ") to "
				+ signal + ": " + why + ". The signal's arguments are " + signal.arguments()
				+ "; a parameter binds to an argument by name (as declared or in camelCase), to the sender when "
				+ "named 'sender', to the SignalEvent or the Signal by type, to all arguments as a Map, "
				+ "or by type when exactly one argument has that (non-JDK) type");
	}

	static String snakeCase(String name) {
		StringBuilder snake = new StringBuilder(name.length() + 4);
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c)) {
				snake.append('_').append(Character.toLowerCase(c));
			}
			else {
				snake.append(c);
			}
		}
		return snake.toString();
	}

}
