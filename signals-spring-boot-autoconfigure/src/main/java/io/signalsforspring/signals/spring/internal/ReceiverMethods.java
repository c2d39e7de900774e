package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.Method;
import java.util.Map;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.Receiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Finds the {@link Receiver @Receiver} methods of a type, and answers before the beans
 * exist whether a context declares a receiver of a given signal, for side effects that
 * must be set up early (a connection pool's connection source) and only when needed.
 *
 * <p>
 * Infrastructure: public only for the auto-configured components.
 */
public final class ReceiverMethods {

	private static final Logger logger = LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private ReceiverMethods() {
	}

	/**
	 * Return whether a bean of the factory declares a {@code @Receiver} method for the
	 * given signal type, judged from the bean types without creating any bean.
	 * @param beanFactory the bean factory
	 * @param signalType the signal's type
	 * @return {@code true} if some bean declares such a receiver
	 */
	public static boolean declared(ConfigurableListableBeanFactory beanFactory, Class<? extends Signal> signalType) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type == null) {
				continue;
			}
			for (Receiver receiver : of(type).values()) {
				for (Class<? extends Signal> named : receiver.signal()) {
					if (signalType.isAssignableFrom(named)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * Return the {@code @Receiver} methods of a type, none for JDK and Spring types, and
	 * none for a type whose method signatures cannot be resolved (as Spring's own
	 * listener processor tolerates: such a bean has no usable receiver anyway).
	 */
	static Map<Method, Receiver> of(Class<?> type) {
		String typeName = type.getName();
		if (typeName.startsWith("java.") || typeName.startsWith("org.springframework.")) {
			return Map.of();
		}
		try {
			return MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<Receiver>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, Receiver.class));
		}
		catch (Throwable ex) {
			logger.debug("Could not look for @Receiver methods of {}", type.getName(), ex);
			return Map.of();
		}
	}

}
