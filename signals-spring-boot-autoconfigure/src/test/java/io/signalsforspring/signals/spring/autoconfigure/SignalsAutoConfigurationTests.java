package io.signalsforspring.signals.spring.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.LoggingReceiverErrorHandler;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.ReceiverErrorHandler;
import io.signalsforspring.signals.spring.internal.ReceiverMethodProcessor;
import io.signalsforspring.signals.spring.internal.ReceiverScheduler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
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
			assertThat(context).doesNotHaveBean(Executor.class).hasSingleBean(AsyncReceiverExecutor.class);
			assertThat(context.getBean(SignalsProperties.class).getTransaction().isRunWithoutTransaction()).isTrue();
		});
	}

	@Test
	void bootsTaskExecutionPropertiesConfigureTheExecutorOfAsyncReceivers() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withPropertyValues("spring.task.execution.pool.core-size=3", "spring.task.execution.pool.queue-capacity=7",
					"signals.async.thread-name-prefix=mail-")
			.run((context) -> {
				ThreadPoolTaskExecutor executor = (ThreadPoolTaskExecutor) context.getBean(AsyncReceiverExecutor.class)
					.executor();
				assertThat(executor.getCorePoolSize()).isEqualTo(3);
				assertThat(executor.getQueueCapacity()).isEqualTo(7);
				assertThat(executor.getThreadNamePrefix()).isEqualTo("mail-");
			});
	}

	@Test
	void bootKeepsItsApplicationTaskExecutorAndAsyncMethodsKeepRunningOnIt() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(AsyncMethodAndReceiver.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Executor.class).hasBean("applicationTaskExecutor");
				AsyncMethodAndReceiver beans = context.getBean(AsyncMethodAndReceiver.class);
				assertThat(beans.asyncMethod().get(10, TimeUnit.SECONDS)).startsWith("task-");
				context.getBean(PostSave.class).send(Object.class, postSave());
				assertThat(context.getBean(ReceiverScheduler.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
				assertThat(AsyncMethodAndReceiver.receiverThread.get()).startsWith("signals-");
			});
	}

	@Test
	void taskDecoratorReachesAsyncReceivers() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(AsyncMethodAndReceiver.class, Decorator.class)
			.run((context) -> {
				Decorator.CONTEXT.set("request 42");
				try {
					context.getBean(PostSave.class).send(Object.class, postSave());
				}
				finally {
					Decorator.CONTEXT.remove();
				}
				assertThat(context.getBean(ReceiverScheduler.class).awaitIdle(Duration.ofSeconds(10))).isTrue();
				assertThat(AsyncMethodAndReceiver.receiverContext.get()).isEqualTo("request 42");
			});
	}

	@Test
	void closingTheContextRemovesItsObserversFromSharedSignals() {
		CountingObserver.CALLS.set(0);
		for (int i = 0; i < 3; i++) {
			this.runner.withUserConfiguration(SharedSignal.class).run((context) -> assertThat(context).hasNotFailed());
		}
		Connection connection = SharedSignal.SHARED.connect((event) -> null);
		try {
			SharedSignal.SHARED.send(this);
			assertThat(CountingObserver.CALLS).as("observers of the three closed contexts").hasValue(0);
		}
		finally {
			connection.disconnect();
		}
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
			assertThat(context.getBean(AsyncReceiverExecutor.class).executor())
				.isSameAs(context.getBean(SignalsAutoConfiguration.TASK_EXECUTOR_BEAN_NAME));
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

	@Configuration(proxyBeanMethods = false)
	@EnableAsync
	static class AsyncMethodAndReceiver {

		static final AtomicReference<String> receiverThread = new AtomicReference<>();

		static final AtomicReference<String> receiverContext = new AtomicReference<>();

		@Async
		public CompletableFuture<String> asyncMethod() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Receiver(signal = PostSave.class, async = true)
		void onSave(Object instance) {
			receiverThread.set(Thread.currentThread().getName());
			receiverContext.set(Decorator.CONTEXT.get());
		}

	}

	/** Carries a thread-local value to the thread of a task, as MDC and tracing do. */
	@Configuration(proxyBeanMethods = false)
	static class Decorator {

		static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

		@Bean
		TaskDecorator contextCarrier() {
			return (task) -> {
				String value = CONTEXT.get();
				return () -> {
					CONTEXT.set(value);
					try {
						task.run();
					}
					finally {
						CONTEXT.remove();
					}
				};
			};
		}

	}

	/** A signal kept in a constant, so it outlives every context that uses it. */
	@Configuration(proxyBeanMethods = false)
	static class SharedSignal {

		static final Signal SHARED = new Signal("shared_for_observer_test");

		@Bean
		Signal shared() {
			return SHARED;
		}

		@Bean
		CountingObserver countingObserver() {
			return new CountingObserver();
		}

	}

	static class CountingObserver implements ReceiverObserver {

		static final AtomicInteger CALLS = new AtomicInteger();

		@Override
		public Object beforeReceiver(Connection connection, SignalEvent event) {
			CALLS.incrementAndGet();
			return null;
		}

		@Override
		public void afterReceiver(Connection connection, SignalEvent event, Object context, long nanos,
				Throwable failure) {
		}

	}

}
