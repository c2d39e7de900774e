package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.aot.hint.annotation.ReflectiveProcessor;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * What a native image needs of a {@link Receiver @Receiver} method: the method itself
 * (invoked reflectively through a method handle) and, for each signal it names, the
 * signal's public fields, where a signal kept as a {@code public static final} constant
 * is read reflectively when no bean of its type exists. Applied by Spring's AOT
 * processing to every bean with {@code @Receiver} methods, as {@code @EventListener}
 * methods are. Public only because the annotation names it.
 */
public final class ReceiverReflectiveProcessor implements ReflectiveProcessor {

	@Override
	public void registerReflectionHints(ReflectionHints hints, AnnotatedElement element) {
		if (!(element instanceof Method method)) {
			return;
		}
		hints.registerMethod(method, ExecutableMode.INVOKE);
		Receiver receiver = AnnotatedElementUtils.findMergedAnnotation(method, Receiver.class);
		if (receiver != null) {
			for (Class<? extends Signal> signal : receiver.signal()) {
				hints.registerType(signal, MemberCategory.ACCESS_PUBLIC_FIELDS);
			}
		}
	}

}
