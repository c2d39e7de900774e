package io.signalsforspring.signals.spring.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.internal.ReceiverMethods;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The condition of {@link ConditionalOnReceivers @ConditionalOnReceivers}. Receivers are
 * looked for on the bean definitions registered when auto-configuration is processed (the
 * application's own components and configurations), without creating any bean.
 */
class OnReceiversCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnReceivers.class.getName(), true);
		Assert.state(attributes != null, "No @ConditionalOnReceivers");
		String property = (String) attributes.get("property");
		String[] signalNames = (String[]) attributes.get("signals");
		Assert.state(property != null && signalNames != null, "Incomplete @ConditionalOnReceivers");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnReceivers.class, property);
		String value = context.getEnvironment().getProperty(property);
		if (value != null) {
			return Boolean.parseBoolean(value.trim()) ? ConditionOutcome.match(message.because("it is true"))
					: ConditionOutcome.noMatch(message.because("it is false"));
		}
		ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
		List<Class<? extends Signal>> signals = Arrays.stream(signalNames)
			.<Class<? extends Signal>>map(
					(name) -> ClassUtils.resolveClassName(name, context.getClassLoader()).asSubclass(Signal.class))
			.toList();
		if (beanFactory != null) {
			for (Class<? extends Signal> signal : signals) {
				if (ReceiverMethods.declared(beanFactory, signal)) {
					return ConditionOutcome
						.match(message.because("a @Receiver method of " + signal.getSimpleName() + " is declared"));
				}
			}
		}
		return ConditionOutcome.noMatch(message.because("it is unset and no bean declares a @Receiver method of "
				+ signals.stream().map(Class::getSimpleName).toList()));
	}

}
