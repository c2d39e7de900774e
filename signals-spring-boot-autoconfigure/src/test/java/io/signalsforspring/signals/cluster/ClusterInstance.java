package io.signalsforspring.signals.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * One instance of an application with a receiver that runs in every instance: it evicts
 * the instance's cache of an article, recorded here per instance.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Article.class)
@Import(ClusterInstance.CacheEviction.class)
class ClusterInstance {

	/** "instance: title" for each eviction, across the instances of the JVM. */
	static final List<String> evictions = new CopyOnWriteArrayList<>();

	static class CacheEviction {

		private final ApplicationContext context;

		CacheEviction(ApplicationContext context) {
			this.context = context;
		}

		@Receiver(signal = PostSave.class, sender = Article.class, phase = Phase.AFTER_COMMIT,
				cluster = Cluster.EVERY_INSTANCE)
		void evict(Article instance) {
			evictions.add(this.context.getId() + ": " + instance.getTitle());
		}

	}

}
