package io.signalsforspring.signals.spring.autoconfigure;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Holds the executor of asynchronous receivers. It is built with Spring Boot's own
 * task-execution builders, so that {@code spring.task.execution.*}, a
 * {@code TaskDecorator} bean (MDC, security context, tracing) and
 * {@code spring.threads.virtual.enabled} apply to it, but it is not an {@link Executor}
 * bean: Boot's {@code applicationTaskExecutor}, which backs off when any {@code Executor}
 * bean exists, stays, and so does what {@code @Async} and an {@code Executor} injected by
 * type get. A user bean named {@code signalsTaskExecutor} is used instead, and left to
 * its owner.
 */
final class AsyncReceiverExecutor implements DisposableBean {

	private final Executor executor;

	private final @Nullable Runnable shutdown;

	private AsyncReceiverExecutor(Executor executor, @Nullable Runnable shutdown) {
		this.executor = executor;
		this.shutdown = shutdown;
	}

	static AsyncReceiverExecutor of(Executor users) {
		return new AsyncReceiverExecutor(users, null);
	}

	static AsyncReceiverExecutor build(ObjectProvider<ThreadPoolTaskExecutorBuilder> pools,
			ObjectProvider<SimpleAsyncTaskExecutorBuilder> simple, Environment environment, String threadNamePrefix) {
		if (Threading.VIRTUAL.isActive(environment)) {
			SimpleAsyncTaskExecutor executor = simple.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
				.virtualThreads(true)
				.threadNamePrefix(threadNamePrefix)
				.build();
			return new AsyncReceiverExecutor(executor, executor::close);
		}
		ThreadPoolTaskExecutor executor = pools.getIfAvailable(AsyncReceiverExecutor::bootsDefaults)
			.threadNamePrefix(threadNamePrefix)
			.build();
		executor.initialize();
		return new AsyncReceiverExecutor(executor, executor::shutdown);
	}

	/**
	 * The pool Boot's task-execution auto-configuration would build from its property
	 * defaults, for applications that leave that auto-configuration out.
	 */
	private static ThreadPoolTaskExecutorBuilder bootsDefaults() {
		return new ThreadPoolTaskExecutorBuilder().corePoolSize(8)
			.allowCoreThreadTimeOut(true)
			.keepAlive(Duration.ofSeconds(60));
	}

	Executor executor() {
		return this.executor;
	}

	/**
	 * Shut the executor down, after the receiver scheduler (a lifecycle bean, stopped
	 * first) has waited for the receivers still running.
	 */
	@Override
	public void destroy() {
		if (this.shutdown != null) {
			this.shutdown.run();
		}
	}

}
