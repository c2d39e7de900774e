package io.signalsforspring.signals.spring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import io.signalsforspring.signals.spring.autoconfigure.SignalsObservabilityAutoConfiguration;
import io.signalsforspring.signals.spring.micrometer.DefaultReceiverObservationConvention;
import io.signalsforspring.signals.spring.micrometer.ObservedReceivers;
import io.signalsforspring.signals.spring.micrometer.ReceiverObservationContext;
import io.signalsforspring.signals.spring.micrometer.ReceiverObservationConvention;
import io.signalsforspring.signals.spring.internal.ReceiverScheduler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ObservedReceiversTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsObservabilityAutoConfiguration.class))
		.withUserConfiguration(Receivers.class);

	@Test
	void everyReceiverCallIsTimedAndEveryFailureCountedWithSignalSenderAndReceiverTags() {
		this.runner.withUserConfiguration(Micrometer.class).run((context) -> {
			OrderConfirmed signal = context.getBean(OrderConfirmed.class);
			signal.send(Receivers.class, Map.of("order", "A-1", "quantity", 1));
			assertThatIllegalStateException()
				.isThrownBy(() -> signal.send(Receivers.class, Map.of("order", "fail", "quantity", 1)));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			String receiver = "observedReceiversTests.Receivers#ship(String)";
			assertThat(meters.get(ObservedReceivers.OBSERVATION)
				.tags("signal", "order_confirmed", "sender", Receivers.class.getName(), "receiver", receiver)
				.timers()).extracting((timer) -> timer.getId().getTag("error") + " " + timer.count())
				.containsExactlyInAnyOrder("none 1", "IllegalStateException 1");
			assertThat(meters.get(ObservedReceivers.ERRORS)
				.tags("signal", "order_confirmed", "sender", Receivers.class.getName(), "receiver", receiver,
						"exception", "IllegalStateException")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void receiverObservationIsNestedInTheObservationThatSentTheSignal() {
		this.runner.withUserConfiguration(Micrometer.class).run((context) -> {
			ObservationRegistry observations = context.getBean(ObservationRegistry.class);
			Observation request = Observation.start("http.server.requests", observations);
			try (Observation.Scope scope = request.openScope()) {
				context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-2", "quantity", 1));
			}
			request.stop();
			List<Observation.Context> started = context.getBean(Micrometer.class).started;
			assertThat(started).filteredOn((observed) -> observed.getName().equals(ObservedReceivers.OBSERVATION))
				.singleElement()
				.satisfies((observed) -> {
					assertThat(observed.getParentObservation()).isSameAs(request);
					assertThat(observed.getContextualName()).isEqualTo("receive order_confirmed");
				});
		});
	}

	@Test
	void afterCommitAndAsyncReceiversAreTimedWhereTheyRunNotWhereTheyAreQueued() {
		this.runner.withUserConfiguration(Micrometer.class, Later.class).run((context) -> {
			OrderConfirmed signal = context.getBean(OrderConfirmed.class);
			TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
					new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build()));
			transaction.executeWithoutResult((status) -> {
				signal.send(Receivers.class, Map.of("order", "B-1", "quantity", 1));
				assertThat(context.getBean(MeterRegistry.class)
					.find(ObservedReceivers.OBSERVATION)
					.tag("mode", "after_commit")
					.timers()).as("nothing has run yet inside the transaction").isEmpty();
			});
			transaction.executeWithoutResult(
					(status) -> signal.send(Receivers.class, Map.of("order", "fail later", "quantity", 1)));
			assertThat(context.getBean(ReceiverScheduler.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get(ObservedReceivers.OBSERVATION)
				.tags("receiver", "observedReceiversTests.Later#invoice(String)", "phase", "AFTER_COMMIT", "mode",
						"after_commit")
				.timers()).extracting((timer) -> timer.getId().getTag("error") + " " + timer.count())
				.containsExactlyInAnyOrder("none 1", "IllegalStateException 1");
			assertThat(meters.get(ObservedReceivers.OBSERVATION)
				.tags("receiver", "observedReceiversTests.Later#notify(String)", "mode", "async")
				.timer()
				.count()).isEqualTo(2);
			assertThat(meters.find(ObservedReceivers.OBSERVATION).tag("mode", "immediate").timers())
				.extracting((timer) -> timer.getId().getTag("receiver"))
				.containsOnly("observedReceiversTests.Receivers#ship(String)");
		});
	}

	@Test
	void aConventionBeanOfTheApplicationNamesAndTagsTheRuns() {
		this.runner.withUserConfiguration(Micrometer.class)
			.withBean(ReceiverObservationConvention.class, () -> new DefaultReceiverObservationConvention() {

				@Override
				public String getName() {
					return "shop.receiver";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(ReceiverObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("team", "shipping");
				}

			})
			.run((context) -> {
				context.getBean(OrderConfirmed.class).send(Receivers.class, Map.of("order", "C-1", "quantity", 1));
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("shop.receiver").tags("team", "shipping", "mode", "immediate").timer().count())
					.isEqualTo(1);
				assertThat(meters.find(ObservedReceivers.OBSERVATION).timers()).isEmpty();
			});
	}

	@Test
	void withoutAnObservationRegistryNothingIsObserved() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ObservedReceivers.class));
	}

	@Test
	void withoutMicrometerOnTheClassPathNothingIsObserved() {
		this.runner.withUserConfiguration(Micrometer.class)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ObservedReceivers.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Micrometer {

		final List<Observation.Context> started = new CopyOnWriteArrayList<>();

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(SimpleMeterRegistry meters) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			registry.observationConfig().observationHandler(new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context observed) {
					Micrometer.this.started.add(observed);
				}

				@Override
				public boolean supportsContext(Observation.Context observed) {
					return true;
				}

			});
			return registry;
		}

	}

	static class Later {

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_COMMIT)
		void invoice(String order) {
			if (order.equals("fail later")) {
				throw new IllegalStateException("no invoice");
			}
		}

		@Receiver(signal = OrderConfirmed.class, async = true)
		void notify(String order) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Receivers {

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Receiver(OrderConfirmed.class)
		void ship(String order) {
			if (order.equals("fail")) {
				throw new IllegalStateException("no stock");
			}
		}

	}

}
