package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.expression.CachedExpressionEvaluator;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The SpEL {@code condition}s of a context's receiver methods, on Spring's own support
 * for annotation expressions (as {@code @EventListener(condition = ...)} evaluates them):
 * each expression is parsed once per method, and every evaluation context takes its
 * accessors, resolvers and {@code @bean} references from one shared context, so that
 * their caches outlive a single send.
 */
final class ReceiverConditions extends CachedExpressionEvaluator {

	private final Map<ExpressionKey, Expression> expressions = new ConcurrentHashMap<>(64);

	private final StandardEvaluationContext shared = new StandardEvaluationContext();

	ReceiverConditions(BeanFactory beanFactory) {
		this.shared.setBeanResolver(new BeanFactoryResolver(beanFactory));
	}

	/**
	 * Parse a method's condition.
	 * @return the expression, or {@code null} for a blank condition
	 * @throws IllegalStateException if the condition is not valid SpEL
	 */
	@Nullable Expression parse(String condition, Method method, Class<?> targetClass) {
		if (condition.isBlank()) {
			return null;
		}
		try {
			return getExpression(this.expressions, new AnnotatedElementKey(method, targetClass), condition);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("condition \"" + condition + "\" is not valid SpEL: " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Evaluate a condition for one send: the signal's arguments are variables under their
	 * own and their camel-case names, with {@code #sender}, {@code #signal} and
	 * {@code #event}.
	 */
	boolean holds(Expression condition, SignalEvent event) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		this.shared.applyDelegatesTo(context);
		for (Map.Entry<String, @Nullable Object> argument : event.arguments().entrySet()) {
			context.setVariable(argument.getKey(), argument.getValue());
			context.setVariable(camelCase(argument.getKey()), argument.getValue());
		}
		context.setVariable("sender", event.sender());
		context.setVariable("signal", event.signal());
		context.setVariable("event", event);
		return Boolean.TRUE.equals(condition.getValue(context, Boolean.class));
	}

	private static String camelCase(String name) {
		StringBuilder camel = new StringBuilder(name.length());
		boolean upper = false;
		for (char c : name.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

}
