package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverStartupFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

	private void assertStartupFails(Class<?> configuration, String... messageParts) {
		this.runner.withUserConfiguration(configuration).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().isNotNull();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof BeanInitializationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("a BeanInitializationException in " + context.getStartupFailure()).isNotNull();
			assertThat(failure.getMessage()).contains(messageParts);
		});
	}

	@Test
	void parameterMatchingNoArgumentFailsNamingBeanMethodParameterAndArguments() {
		assertStartupFails(UnknownParameter.class,
				"Invalid @Receiver method onSave of bean 'receiverStartupFailureTests.UnknownParameter'",
				"cannot bind parameter 'title' (String) to signal 'post_save'",
				"The signal's arguments are [instance: Object, created: Boolean, raw: Boolean, using: String, "
						+ "update_fields: Set, previous_values: Map (optional)]");
	}

	@Test
	void parameterOfIncompatibleTypeFails() {
		assertStartupFails(WrongType.class, "bean 'receiverStartupFailureTests.WrongType'",
				"cannot bind parameter 'created' (String)", "argument 'created' is a java.lang.Boolean");
	}

	@Test
	void primitiveParameterForOptionalArgumentFails() {
		assertStartupFails(PrimitiveOptional.class, "cannot bind parameter 'quantityLeft' (int)",
				"argument 'quantity_left' is optional and may be absent; declare the parameter as Integer");
	}

	@Test
	void senderParameterThatCannotHoldTheSenderFails() {
		assertStartupFails(WrongSenderType.class, "cannot bind parameter 'sender' (String)",
				"the sender java.lang.String is a Class");
	}

	@Test
	void plainSignalClassFailsNamingWhatToReferTo() {
		assertStartupFails(PlainSignal.class, "Signal.class does not name one signal",
				"refer to the signal's own class, such as PostSave.class");
	}

	@Test
	void signalTypeWithoutBeanOrConstantFails() {
		assertStartupFails(MissingSignal.class, "signal type " + OrderConfirmed.class.getName()
				+ " resolves to no signal: declare a bean of that type, or a public static final field");
	}

	@Test
	void signalTypeWithSeveralBeansFails() {
		assertStartupFails(TwoOrderSignals.class,
				"signal type " + OrderConfirmed.class.getName() + " matches several beans one, two");
	}

	@Test
	void invalidConditionFails() {
		assertStartupFails(BadCondition.class, "condition \"#created and\" is not valid SpEL");
	}

	@Test
	void receiverWithoutSignalFails() {
		assertStartupFails(NoSignal.class, "@Receiver names no signal");
	}

	@Configuration(proxyBeanMethods = false)
	static class UnknownParameter {

		@Receiver(PostSave.class)
		void onSave(String title) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongType {

		@Receiver(PostSave.class)
		void onSave(String created) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrimitiveOptional {

		@Bean
		Signal stockChanged() {
			return new StockChanged();
		}

		@Receiver(StockChanged.class)
		void onChange(int quantityLeft) {
		}

	}

	static final class StockChanged extends Signal {

		StockChanged() {
			super(io.signalsforspring.signals.SignalSpec.named("stock_changed")
				.optionalArgument("quantity_left", Integer.class));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class WrongSenderType {

		@Receiver(signal = PostSave.class, sender = String.class)
		void onSave(String sender) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PlainSignal {

		@Receiver(Signal.class)
		void onAnything() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingSignal {

		@Receiver(OrderConfirmed.class)
		void onOrder() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoOrderSignals {

		@Bean
		OrderConfirmed one() {
			return new OrderConfirmed();
		}

		@Bean
		OrderConfirmed two() {
			return new OrderConfirmed();
		}

		@Receiver(OrderConfirmed.class)
		void onOrder() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BadCondition {

		@Receiver(signal = PostSave.class, condition = "#created and")
		void onSave() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NoSignal {

		@Receiver
		void onNothing() {
		}

	}

}
