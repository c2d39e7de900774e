package io.signalsforspring.signals.spring.internal;

import java.util.List;

import java.lang.reflect.Method;

import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;

/**
 * A {@link Receiver @Receiver} method connected to one signal: the core receiver that
 * binds the event to the method's parameters and calls it through its {@link MethodCall},
 * or hands it to the {@link ReceiverScheduler} for a commit phase or asynchronous run.
 */
final class MethodReceiver implements ReceiverFunction, ScheduledReceiver, DurableReceiver {

	private final Signal signal;

	private final MethodCall call;

	private final ParameterBinding[] bindings;

	private final @Nullable Expression condition;

	private final ReceiverConditions conditions;

	private final Phase phase;

	private final boolean async;

	private final ReceiverScheduler scheduler;

	private final ReceiverDescription description;

	private final @Nullable Durability durability;

	private final List<Class<?>> senders;

	MethodReceiver(Object bean, Method invocable, Signal signal, ParameterBinding[] bindings,
			@Nullable Expression condition, ReceiverConditions conditions, Phase phase, boolean async,
			ReceiverScheduler scheduler, ReceiverDescription description, @Nullable Durability durability,
			List<Class<?>> senders) {
		this.senders = List.copyOf(senders);
		this.description = description;
		this.durability = durability;
		this.signal = signal;
		this.call = MethodCall.of(bean, invocable);
		this.bindings = bindings;
		this.condition = condition;
		this.conditions = conditions;
		this.phase = phase;
		this.async = async;
		this.scheduler = scheduler;
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
		ReceiverRunObserver observer = this.scheduler.runObserver();
		if (observer == ReceiverRunObserver.NONE) {
			return call(event);
		}
		return observer.observe(this.description, event, () -> call(event));
	}

	private @Nullable Object call(SignalEvent event) throws Exception {
		try {
			return this.call.call(this.bindings, event);
		}
		catch (Exception | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
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
	public List<Class<?>> senders() {
		return this.senders;
	}

	@Override
	public Class<?> argumentType(String argument) {
		Class<?> type = Object.class;
		for (ParameterBinding binding : this.bindings) {
			Class<?> bound = binding.typeOf(argument);
			if (bound != null && type.isAssignableFrom(bound)) {
				type = bound;
			}
		}
		return type;
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
