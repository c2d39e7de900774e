package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.StubMethod;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Looking for {@code @Receiver} methods tolerates what Spring's own listener processor
 * tolerates: a singleton whose class has a method signature naming a type that is not on
 * the class path (an optional dependency left out) has no receivers, and start-up goes
 * on.
 */
class ReceiverMethodLookupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

	@Test
	void beanWithAnUnresolvableMethodSignatureDoesNotStopStartUp() {
		Class<?> type = classWithMethodTaking("io.signalsforspring.signals.spring.absent.Missing");
		assertThatExceptionOfType(NoClassDefFoundError.class).as("the signature cannot be resolved")
			.isThrownBy(type::getDeclaredMethods);
		// Registered as an instance, as a framework integration would: Spring's own
		// post-processors of bean definitions never see it, the receiver lookup does.
		this.runner
			.withInitializer((context) -> context.getBeanFactory()
				.registerSingleton("optionalIntegration", BeanUtils.instantiateClass(type)))
			.run((context) -> assertThat(context).hasNotFailed().hasBean("optionalIntegration"));
	}

	private static Class<?> classWithMethodTaking(String missingType) {
		// Described to the compiler, never loaded: no class loader can find it.
		TypeDescription missing = new ByteBuddy().subclass(Object.class).name(missingType).make().getTypeDescription();
		return new ByteBuddy().subclass(Object.class)
			.name("io.signalsforspring.signals.spring.generated.OptionalIntegration")
			.defineMethod("take", void.class, Visibility.PUBLIC)
			.withParameter(missing)
			.intercept(StubMethod.INSTANCE)
			.make()
			.load(ReceiverMethodLookupTests.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
			.getLoaded();
	}

}
