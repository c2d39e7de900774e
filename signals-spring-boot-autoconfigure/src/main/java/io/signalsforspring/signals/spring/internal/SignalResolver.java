package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Turns the signal type named in a {@link Receiver @Receiver} into the signal object: the
 * one bean of that type, or else the {@code public static final} field of that type that
 * the type declares (a custom signal kept as a constant).
 */
final class SignalResolver {

	private SignalResolver() {
	}

	static Signal resolve(ListableBeanFactory beanFactory, Class<? extends Signal> type) {
		if (type == Signal.class) {
			throw new IllegalStateException("Signal.class does not name one signal: refer to the signal's own class, "
					+ "such as PostSave.class or a subclass of Signal you declare (final class OrderConfirmed "
					+ "extends Signal)");
		}
		String[] beans = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type);
		if (beans.length == 1) {
			return beanFactory.getBean(beans[0], type);
		}
		if (beans.length > 1) {
			throw new IllegalStateException("signal type " + type.getName() + " matches several beans "
					+ String.join(", ", beans) + "; a signal type must name exactly one signal");
		}
		for (Field field : type.getDeclaredFields()) {
			int modifiers = field.getModifiers();
			if (field.getType() == type && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
					&& Modifier.isPublic(modifiers)) {
				try {
					return (Signal) field.get(null);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException("cannot read " + field, ex);
				}
			}
		}
		throw new IllegalStateException("signal type " + type.getName() + " resolves to no signal: declare a bean of "
				+ "that type, or a public static final field of that type in " + type.getSimpleName());
	}

}
