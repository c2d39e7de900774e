package io.signalsforspring.signals.spring.autoconfigure;

import java.util.concurrent.Executor;

import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.spring.LoggingReceiverErrorHandler;
import io.signalsforspring.signals.spring.ReceiverErrorHandler;
import io.signalsforspring.signals.spring.ReceiverMethodProcessor;
import io.signalsforspring.signals.spring.ReceiverScheduler;
import io.signalsforspring.signals.spring.SignalCatalog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.system.JavaVersion;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Auto-configuration of signals: one bean per built-in signal, discovery of
 * {@code @Receiver} methods, commit phases, asynchronous receivers and their error
 * handling.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "signals.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SignalsProperties.class)
@Import(BuiltinSignalsRegistrar.class)
public final class SignalsAutoConfiguration {

	/**
	 * Name of the executor that runs asynchronous receivers; a bean of that name replaces
	 * it.
	 */
	public static final String TASK_EXECUTOR_BEAN_NAME = "signalsTaskExecutor";

	SignalsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	ReceiverErrorHandler receiverErrorHandler() {
		return new LoggingReceiverErrorHandler();
	}

	@Bean(name = TASK_EXECUTOR_BEAN_NAME)
	@ConditionalOnMissingBean(name = TASK_EXECUTOR_BEAN_NAME)
	TaskExecutor signalsTaskExecutor(SignalsProperties properties) {
		SignalsProperties.Async async = properties.getAsync();
		if (async.isVirtualThreads() && JavaVersion.getJavaVersion().isEqualOrNewerThan(JavaVersion.TWENTY_ONE)) {
			SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(async.getThreadNamePrefix());
			executor.setVirtualThreads(true);
			return executor;
		}
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(async.getPoolSize());
		executor.setMaxPoolSize(async.getPoolSize());
		executor.setQueueCapacity(async.getQueueCapacity());
		executor.setThreadNamePrefix(async.getThreadNamePrefix());
		executor.setAcceptTasksAfterContextClose(true);
		return executor;
	}

	@Bean
	@ConditionalOnMissingBean
	ReceiverScheduler receiverScheduler(ReceiverErrorHandler errorHandler,
			@Qualifier(TASK_EXECUTOR_BEAN_NAME) Executor executor, SignalsProperties properties,
			ApplicationContext context) {
		return new ReceiverScheduler(errorHandler, executor, context.getClassLoader(),
				properties.getTransaction().isRunWithoutTransaction(), properties.getAsync().getShutdownTimeout());
	}

	@Bean
	static ReceiverMethodProcessor receiverMethodProcessor(ObjectProvider<ReceiverScheduler> scheduler,
			ObjectProvider<SignalCatalog> catalog) {
		return new ReceiverMethodProcessor(scheduler, catalog);
	}

	@Bean
	static SignalCatalog signalCatalog(ObjectProvider<ReceiverObserver> observers) {
		return new SignalCatalog(observers);
	}

}
