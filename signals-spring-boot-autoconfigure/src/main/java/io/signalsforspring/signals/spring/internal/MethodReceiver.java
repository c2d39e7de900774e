package io.signalsforspring.signals.spring.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link Receiver @Receiver} method connected to one signal: the core receiver that
 * binds the event to the method's parameters and calls it through a method handle, or
 * hands it to the {@link ReceiverScheduler} for a commit phase or asynchronous run.
 */
final class MethodReceiver implements ReceiverFunction, ScheduledReceiver, DurableReceiver {

	private final Signal signal;

	private final MethodHandle invoker;

	private final ParameterBinding[] bindings;

	private final @Nullable Expression condition;

	private final ReceiverConditions conditions;

	private final Phase phase;

	private final boolean async;

	private final ReceiverScheduler scheduler;

	private final ReceiverDescription description;

	private final @Nullable Durability durability;

	MethodReceiver(Object bean, Method invocable, Signal signal, ParameterBinding[] bindings,
			@Nullable Expression condition, ReceiverConditions conditions, Phase phase, boolean async,
			ReceiverScheduler scheduler, ReceiverDescription description, @Nullable Durability durability) {
		this.description = description;
		this.durability = durability;
		this.signal = signal;
		this.invoker = invoker(bean, invocable);
		this.bindings = bindings;
		this.condition = condition;
		this.conditions = conditions;
		this.phase = phase;
		this.async = async;
		this.scheduler = scheduler;
	}

	/**
	 * A handle of type {@code (Object...)Object} with the method's arity, bound to the
	 * bean, so that calls of up to four parameters need no argument array; longer
	 * parameter lists take an array.
	 */
	private static MethodHandle invoker(Object bean, Method method) {
		ReflectionUtils.makeAccessible(method);
		try {
			int count = method.getParameterCount();
			MethodHandle handle = MethodHandles.lookup()
				.unreflect(method)
				.bindTo(bean)
				.asType(MethodType.genericMethodType(count));
			return (count <= 4) ? handle : handle.asSpreader(Object[].class, count);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("cannot access the method: " + ex.getMessage(), ex);
		}
	}

	@Override
	public @Nullable Object receive(SignalEvent event) throws Exception {
		if (this.phase == Phase.IMMEDIATE && !this.async) {
			return invoke(event);
		}
		if (this.durability != null) {
			if (this.durability.broadcasts() != null) {
				this.durability.broadcasts().publish(this, event);
			}
			else {
				this.durability.deliveries().record(this, event);
			}
			return null;
		}
		this.scheduler.schedule(this, event);
		return null;
	}

	/**
	 * Call the method now, on this thread, if its condition holds.
	 */
	@Override
	public @Nullable Object invoke(SignalEvent event) throws Exception {
		if (this.condition != null && !this.conditions.holds(this.condition, event)) {
			return null;
		}
		ParameterBinding[] binding = this.bindings;
		try {
			return switch (binding.length) {
				case 0 -> (Object) this.invoker.invokeExact();
				case 1 -> (Object) this.invoker.invokeExact(binding[0].value(event));
				case 2 -> (Object) this.invoker.invokeExact(binding[0].value(event), binding[1].value(event));
				case 3 -> (Object) this.invoker.invokeExact(binding[0].value(event), binding[1].value(event),
						binding[2].value(event));
				case 4 -> (Object) this.invoker.invokeExact(binding[0].value(event), binding[1].value(event),
						binding[2].value(event), binding[3].value(event));
				default -> (Object) this.invoker.invokeExact(values(event));
			};
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Object[] values(SignalEvent event) {
		Object[] values = new Object[this.bindings.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.bindings[i].value(event);
		}
		return values;
	}

	@Override
	public Signal signal() {
		return this.signal;
	}

	@Override
	public String name() {
		return this.description.receiver();
	}

	@Override
	public int maxAttempts() {
		return (this.durability != null) ? this.durability.maxAttempts() : -1;
	}

	@Override
	public String firstRetryDelay() {
		return (this.durability != null) ? this.durability.firstRetryDelay() : "";
	}

	@Override
	public String maxRetryDelay() {
		return (this.durability != null) ? this.durability.maxRetryDelay() : "";
	}

	/**
	 * Where a durable receiver's deliveries go, and its retry settings; for a receiver
	 * that runs in every instance, where its broadcasts go.
	 */
	record Durability(DurableDeliveries deliveries, int maxAttempts, String firstRetryDelay, String maxRetryDelay,
			@Nullable BroadcastDeliveries broadcasts) {

	}

	ReceiverDescription description() {
		return this.description;
	}

	@Override
	public Phase phase() {
		return this.phase;
	}

	@Override
	public boolean isAsync() {
		return this.async;
	}

	@Override
	public String toString() {
		return this.description.receiver();
	}

}
