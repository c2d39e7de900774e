package io.signalsforspring.sample.blog.post;

import java.util.List;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Component;

/**
 * The list of published posts, cached in each instance (Spring's cache abstraction with
 * Caffeine) and evicted when a post is saved or deleted by a receiver that runs in every
 * instance: with RabbitMQ configured ({@code spring.rabbitmq.host}), a post created on
 * one instance is listed by every other at once. With no broker the application is one
 * instance, and the receiver runs in it.
 */
@Component
class PostList {

	static final String CACHE = "posts";

	private final PostService posts;

	private final CacheManager caches;

	PostList(PostService posts, CacheManager caches) {
		this.posts = posts;
		this.caches = caches;
	}

	@Cacheable(CACHE)
	public List<PostView> published() {
		return this.posts.published().stream().map(PostView::of).toList();
	}

	@Receiver(signal = { PostSave.class, PostDelete.class }, sender = Post.class, phase = Phase.AFTER_COMMIT,
			cluster = Cluster.EVERY_INSTANCE)
	void evict() {
		Cache cache = this.caches.getCache(CACHE);
		if (cache != null) {
			cache.clear();
		}
	}

}
