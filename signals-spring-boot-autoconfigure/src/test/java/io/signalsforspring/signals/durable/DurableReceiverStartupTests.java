package io.signalsforspring.signals.durable;

import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.RequestSignals.RequestStarted;
import io.signalsforspring.signals.durable.autoconfigure.SignalsDurableAutoConfiguration;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A durable receiver that cannot work fails start-up naming the method and what is wrong:
 * a phase other than after-commit, an argument that cannot be stored, no engine, or no
 * table.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableReceiverStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, SignalsAutoConfiguration.class,
				SignalsDurableAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:startup-" + UUID.randomUUID());

	@Test
	void durableReceiverOfAnotherPhaseFailsStartUp() {
		this.runner.withBean(BeforeCommit.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("durable = true needs phase = AFTER_COMMIT")
				.hasMessageContaining("not BEFORE_COMMIT"));
		this.runner.withBean(BeforeCommit.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Invalid @Receiver method saved of bean"));
	}

	@Test
	void durableReceiverWhoseArgumentsCannotBeStoredFailsNamingTheArgument() {
		this.runner.withBean(Requests.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"argument 'request' of signal 'request_started' is a live object of the framework")
				.hasMessageContaining("cannot be stored in a delivery record"));
	}

	@Test
	void durableReceiverWithoutTheEngineFailsSayingWhatIsMissing() {
		this.runner.withClassLoader(new FilteredClassLoader(Scheduler.class))
			.withBean(AfterCommit.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("db-scheduler (com.github.kagkarlsson:db-scheduler, which the starter brings)"));
	}

	@Test
	void receiverForEveryInstanceWithoutABrokerStartsSayingItRunsInThisInstanceOnly(CapturedOutput output) {
		this.runner.withBean(EveryInstance.class)
			.withPropertyValues("signals.durable.initialize-schema=always")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("runs in every instance (cluster = EVERY_INSTANCE), but no broker carries "
							+ "broadcasts: it runs after commit in this instance only")
					.contains("spring.rabbitmq.host");
			});
	}

	@Test
	void missingTableThatMayNotBeCreatedFailsStartUpNamingTheScript() {
		this.runner.withBean(AfterCommit.class)
			.withPropertyValues("signals.durable.initialize-schema=never")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Durable receivers need the table signals_delivery")
				.hasMessageContaining("classpath:db/signals/durable/h2/V1__signals_delivery.sql")
				.hasMessageContaining("classpath:db/signals/durable/changelog.xml")
				.hasMessageContaining("signals.durable.initialize-schema=always"));
	}

	@Test
	void embeddedDatabaseGetsTheTableByDefaultAsSpringBootsOwnTablesDo() {
		this.runner.withBean(AfterCommit.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(DeliveryEngine.class)
				.satisfies((engine) -> assertThat(engine.isRunning()).isTrue()));
	}

	@Test
	void tableIsCreatedWhenAsked() {
		this.runner.withBean(AfterCommit.class)
			.withPropertyValues("signals.durable.initialize-schema=always")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(DeliveryEngine.class)
				.satisfies((engine) -> assertThat(engine.isRunning()).isTrue()));
	}

	@Test
	void engineDoesNotPollWithoutDurableReceivers() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.getBean(DeliveryEngine.class)
			.satisfies((engine) -> assertThat(engine.isRunning()).isFalse()));
	}

	static class BeforeCommit {

		@Receiver(signal = PostSave.class, phase = Phase.BEFORE_COMMIT, durable = true)
		void saved() {
		}

	}

	static class AfterCommit {

		@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT, durable = true)
		void saved() {
		}

	}

	static class EveryInstance {

		@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT, cluster = Cluster.EVERY_INSTANCE)
		void saved() {
		}

	}

	static class Requests {

		@Receiver(signal = RequestStarted.class, phase = Phase.AFTER_COMMIT, durable = true)
		void started() {
		}

	}

}
