package io.signalsforspring.signals.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Signals published for other services: each one's sends go through the outbox to a named
 * exchange or topic, under a key computed by a SpEL expression over the send (the
 * arguments as variables, {@code #sender} and {@code #signal}), read-only.
 */
public final class ExternalizedSignals implements SmartInitializingSingleton, DisposableBean {

	private static final SpelExpressionParser parser = new SpelExpressionParser();

	private final List<Connection> connections = new ArrayList<>();

	private final Supplier<@Nullable Broadcasts> broadcasts;

	private final Supplier<List<Signal>> signals;

	private final Map<String, Target> targets;

	private final String broker;

	/**
	 * Prepare to externalize signals once every singleton (every signal bean) exists.
	 * @param broadcasts the broker's broadcasts, {@code null} without a broker
	 * @param signals the application's signals
	 * @param targets the destination and key expression of each externalized signal, by
	 * signal name
	 * @param broker the broker the configuration chose, named when there is none
	 */
	public ExternalizedSignals(Supplier<@Nullable Broadcasts> broadcasts, Supplier<List<Signal>> signals,
			Map<String, Target> targets, String broker) {
		this.broadcasts = broadcasts;
		this.signals = signals;
		this.targets = Map.copyOf(targets);
		this.broker = broker;
	}

	/**
	 * Connect each externalized signal to its destination.
	 * @throws IllegalStateException naming the property, for an unknown signal, a missing
	 * destination, a key that is not valid SpEL, or externalized signals without a broker
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (this.targets.isEmpty()) {
			return;
		}
		Broadcasts broadcasts = this.broadcasts.get();
		if (broadcasts == null) {
			throw new IllegalStateException("signals.cluster.externalize names " + this.targets.keySet()
					+ " but no broker carries them (the broker is " + this.broker
					+ "): set spring.rabbitmq.host or spring.kafka.bootstrap-servers, or signals.cluster.broker");
		}
		List<Signal> signals = this.signals.get();
		this.targets.forEach((name, target) -> {
			String property = "signals.cluster.externalize." + name;
			Signal signal = signals.stream()
				.filter((candidate) -> candidate.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(property + ": no signal is named '" + name
						+ "'; the application's signals are " + signals.stream().map(Signal::name).sorted().toList()));
			if (target.destination() == null || target.destination().isBlank()) {
				throw new IllegalStateException(property + ".destination is not set: name the exchange or topic");
			}
			this.connections.add(broadcasts.externalize(signal, target.destination(), key(property, target.key())));
		});
	}

	private static Function<SignalEvent, @Nullable String> key(String property, @Nullable String key) {
		if (key == null || key.isBlank()) {
			return (event) -> null;
		}
		Expression expression;
		try {
			expression = parser.parseExpression(key);
		}
		catch (ParseException ex) {
			throw new IllegalStateException(property + ".key \"" + key + "\" is not valid SpEL: " + ex.getMessage(),
					ex);
		}
		return (event) -> {
			EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
			event.arguments().forEach(context::setVariable);
			context.setVariable("sender", event.sender());
			context.setVariable("signal", event.signal());
			Object value = expression.getValue(context);
			return (value != null) ? value.toString() : null;
		};
	}

	@Override
	public void destroy() {
		this.connections.forEach(Connection::disconnect);
	}

	/**
	 * Where one signal goes.
	 *
	 * @param destination the exchange or topic
	 * @param key the key expression, or {@code null} for the signal's name
	 */
	public record Target(@Nullable String destination, @Nullable String key) {

	}

}
