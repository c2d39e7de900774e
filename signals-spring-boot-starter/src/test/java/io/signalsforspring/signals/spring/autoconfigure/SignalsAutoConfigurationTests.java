package io.signalsforspring.signals.spring.autoconfigure;

import java.util.Map;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.LoggingReceiverErrorHandler;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.ReceiverErrorHandler;
import io.signalsforspring.signals.spring.ReceiverMethodProcessor;
import io.signalsforspring.signals.spring.ReceiverScheduler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class SignalsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class));

	@Test
	void defaultsProvideEveryBuiltinSignalAndTheReceiverInfrastructure() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			for (Class<? extends Signal> type : BuiltinSignalsRegistrar.BUILTINS) {
				assertThat(context).hasSingleBean(type);
			}
			assertThat(context).hasBean("postSave").hasBean("m2mChanged").hasBean("userLoginFailed");
			assertThat(context).getBean(ReceiverErrorHandler.class).isInstanceOf(LoggingReceiverErrorHandler.class);
			assertThat(context).hasSingleBean(ReceiverScheduler.class).hasSingleBean(ReceiverMethodProcessor.class);
			assertThat(context).hasBean(SignalsAutoConfiguration.TASK_EXECUTOR_BEAN_NAME);
			assertThat(context.getBean(SignalsProperties.class).getTransaction().isRunWithoutTransaction()).isTrue();
		});
	}

	@Test
	void asyncPropertiesConfigureTheBoundedPool() {
		this.runner
			.withPropertyValues("signals.async.virtual-threads=false", "signals.async.pool-size=3",
					"signals.async.queue-capacity=7", "signals.async.thread-name-prefix=mail-")
			.run((context) -> {
				ThreadPoolTaskExecutor executor = context.getBean(SignalsAutoConfiguration.TASK_EXECUTOR_BEAN_NAME,
						ThreadPoolTaskExecutor.class);
				assertThat(executor.getCorePoolSize()).isEqualTo(3);
				assertThat(executor.getMaxPoolSize()).isEqualTo(3);
				assertThat(executor.getQueueCapacity()).isEqualTo(7);
				assertThat(executor.getThreadNamePrefix()).isEqualTo("mail-");
			});
	}

	@Test
	void disabledFlagTurnsEverythingOff() {
		this.runner.withPropertyValues("signals.enabled=false")
			.withUserConfiguration(CommitPhaseReceiver.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PostSave.class)
					.doesNotHaveBean(ReceiverMethodProcessor.class)
					.doesNotHaveBean(ReceiverScheduler.class);
			});
	}

	@Test
	void userBeansBackOursOff() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(ReceiverErrorHandler.class).isSameAs(UserBeans.HANDLER);
			assertThat(context.getBean(SignalsAutoConfiguration.TASK_EXECUTOR_BEAN_NAME))
				.isInstanceOf(SyncTaskExecutor.class);
			assertThat(context).hasSingleBean(PostSave.class).hasBean("myPostSave").doesNotHaveBean("postSave");
		});
	}

	@Test
	void receiversRunWithoutTransactionSupportOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
			.withUserConfiguration(CommitPhaseReceiver.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(PostSave.class).send(Object.class, postSave());
				assertThat(context.getBean(CommitPhaseReceiver.class).calls).isEqualTo(1);
			});
	}

	@Test
	void commitPhaseReceiversAreSkippedOutsideATransactionWhenConfigured() {
		this.runner.withPropertyValues("signals.transaction.run-without-transaction=false")
			.withUserConfiguration(CommitPhaseReceiver.class)
			.run((context) -> {
				context.getBean(PostSave.class).send(Object.class, postSave());
				assertThat(context.getBean(CommitPhaseReceiver.class).calls).isZero();
			});
	}

	private static Map<String, Object> postSave() {
		java.util.HashMap<String, Object> arguments = new java.util.HashMap<>();
		arguments.put("instance", "x");
		arguments.put("created", true);
		arguments.put("raw", false);
		arguments.put("using", "default");
		arguments.put("update_fields", null);
		return arguments;
	}

	@Configuration(proxyBeanMethods = false)
	static class CommitPhaseReceiver {

		int calls;

		@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT)
		void afterCommit(Object instance) {
			this.calls++;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final ReceiverErrorHandler HANDLER = (failure) -> {
		};

		@Bean
		ReceiverErrorHandler myHandler() {
			return HANDLER;
		}

		@Bean(SignalsAutoConfiguration.TASK_EXECUTOR_BEAN_NAME)
		TaskExecutor myExecutor() {
			return new SyncTaskExecutor();
		}

		@Bean
		PostSave myPostSave() {
			return new PostSave();
		}

	}

}
