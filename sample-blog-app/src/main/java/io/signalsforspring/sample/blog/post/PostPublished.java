package io.signalsforspring.sample.blog.post;

import io.signalsforspring.sample.blog.author.Author;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

import org.springframework.stereotype.Component;

/**
 * The blog's own signal, seed 004's {@code book_published}: sent by {@link PostService}
 * when a draft becomes published, with the post and its author.
 *
 * <pre class="code">
 * post_published = django.dispatch.Signal()   # providing post, author
 * </pre>
 */
@Component
public final class PostPublished extends Signal {

	PostPublished() {
		super(SignalSpec.named("post_published").argument("post", Post.class).argument("author", Author.class));
	}

}
