package io.signalsforspring.signals.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * What {@code @Receiver} discovery adds to start-up: refreshing a context with 1,000
 * beans whose method is annotated, against the same beans without the annotation. The
 * beans are 1,000 instances of one class, so the figure is the per-bean work (method
 * selection, binding checks, connecting); distinct classes add the class scanning that
 * Spring's own {@code @EventListener} processing does for every bean anyway.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@Fork(1)
public class StartupBenchmark {

	static final int BEANS = 1_000;

	@Param({ "plain", "annotated" })
	public String beans;

	@Benchmark
	public int refresh() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(SignalsAutoConfiguration.class);
			context.registerBean(OrderPlaced.class);
			Class<?> type = this.beans.equals("annotated") ? AnnotatedReceiver.class : PlainBean.class;
			for (int i = 0; i < BEANS; i++) {
				context.registerBean("bean" + i, type);
			}
			context.refresh();
			return context.getBeanDefinitionCount();
		}
	}

	/** A bean with a receiver method. */
	public static class AnnotatedReceiver {

		@Receiver(OrderPlaced.class)
		public void onOrder(String order, Integer quantity, Map<String, Object> kwargs) {
		}

	}

	/** The same bean without the annotation. */
	public static class PlainBean {

		public void onOrder(String order, Integer quantity, Map<String, Object> kwargs) {
		}

	}

}
