package io.signalsforspring.signals.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One instance of an application with a receiver that runs in every instance: it evicts
 * the instance's cache of an article, recorded here per instance with the trace it ran
 * in. It also has a custom signal, {@code order_confirmed}, that tests externalize.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Article.class)
@Import(ClusterInstance.CacheEviction.class)
class ClusterInstance {

	/** "instance: title" for each eviction, across the instances of the JVM. */
	static final List<String> evictions = new CopyOnWriteArrayList<>();

	/** "instance: title: trace id" for each eviction. */
	static final List<String> traces = new CopyOnWriteArrayList<>();

	@Bean
	OrderConfirmed orderConfirmed() {
		return new OrderConfirmed();
	}

	/**
	 * A custom signal: an order of a customer was confirmed.
	 */
	static final class OrderConfirmed extends Signal {

		OrderConfirmed() {
			super(SignalSpec.named("order_confirmed")
				.argument("order", String.class)
				.argument("customer", String.class));
		}

	}

	static class CacheEviction {

		private final ApplicationContext context;

		private final ObjectProvider<Tracer> tracer;

		CacheEviction(ApplicationContext context, ObjectProvider<Tracer> tracer) {
			this.context = context;
			this.tracer = tracer;
		}

		@Receiver(signal = PostSave.class, sender = Article.class, phase = Phase.AFTER_COMMIT,
				cluster = Cluster.EVERY_INSTANCE)
		void evict(Article instance) {
			evictions.add(this.context.getId() + ": " + instance.getTitle());
			Tracer current = this.tracer.getIfAvailable();
			Span span = (current != null) ? current.currentSpan() : null;
			traces.add(this.context.getId() + ": " + instance.getTitle() + ": "
					+ ((span != null) ? span.context().traceId() : "no trace"));
		}

	}

}
