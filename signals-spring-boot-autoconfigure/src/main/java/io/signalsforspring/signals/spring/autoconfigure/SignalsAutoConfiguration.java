package io.signalsforspring.signals.spring.autoconfigure;

import java.util.concurrent.Executor;

import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.spring.LoggingReceiverErrorHandler;
import io.signalsforspring.signals.spring.ReceiverErrorHandler;
import io.signalsforspring.signals.spring.internal.BroadcastDeliveries;
import io.signalsforspring.signals.spring.internal.DurableDeliveries;
import io.signalsforspring.signals.spring.internal.ReceiverMethodProcessor;
import io.signalsforspring.signals.spring.internal.ReceiverScheduler;
import io.signalsforspring.signals.spring.internal.SignalCatalog;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of signals: one bean per built-in signal, discovery of
 * {@code @Receiver} methods, commit phases, asynchronous receivers and their error
 * handling.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "signals.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SignalsProperties.class)
@Import(BuiltinSignalsRegistrar.class)
public final class SignalsAutoConfiguration {

	/**
	 * Name of an {@link Executor} bean that, when the application defines one, runs
	 * asynchronous receivers instead of the executor the starter builds.
	 */
	public static final String TASK_EXECUTOR_BEAN_NAME = "signalsTaskExecutor";

	SignalsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ReceiverErrorHandler receiverErrorHandler() {
		return new LoggingReceiverErrorHandler();
	}

	@Bean
	AsyncReceiverExecutor asyncReceiverExecutor(BeanFactory beans, ObjectProvider<ThreadPoolTaskExecutorBuilder> pools,
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> simple, Environment environment,
			SignalsProperties properties) {
		if (beans.containsBean(TASK_EXECUTOR_BEAN_NAME)) {
			return AsyncReceiverExecutor.of(beans.getBean(TASK_EXECUTOR_BEAN_NAME, Executor.class));
		}
		return AsyncReceiverExecutor.build(pools, simple, environment, properties.getAsync().getThreadNamePrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	ReceiverScheduler receiverScheduler(ReceiverErrorHandler errorHandler, AsyncReceiverExecutor executor,
			SignalsProperties properties, ApplicationContext context) {
		return new ReceiverScheduler(errorHandler, executor.executor(), context.getClassLoader(),
				properties.getTransaction().isRunWithoutTransaction(), properties.getAsync().getShutdownTimeout());
	}

	@Bean
	static ReceiverMethodProcessor receiverMethodProcessor(ObjectProvider<ReceiverScheduler> scheduler,
			ObjectProvider<SignalCatalog> catalog, ObjectProvider<DurableDeliveries> durableDeliveries,
			ObjectProvider<BroadcastDeliveries> broadcastDeliveries) {
		return new ReceiverMethodProcessor(scheduler, catalog, durableDeliveries, broadcastDeliveries);
	}

	@Bean
	static SignalCatalog signalCatalog(ObjectProvider<ReceiverObserver> observers) {
		return new SignalCatalog(observers);
	}

}
