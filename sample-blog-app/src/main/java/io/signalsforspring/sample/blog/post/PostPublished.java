package io.signalsforspring.sample.blog.post;

import io.signalsforspring.sample.blog.author.Author;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

import org.springframework.stereotype.Component;

/**
 * The blog's own signal, seed 004's {@code book_published}: sent by {@link PostService}
 * once per post, when it first becomes public (created as published, or a draft published
 * later), with the post, its author and whether the post was created by that request.
 * Never for a draft, and not again when a post is unpublished and published again.
 *
 * <pre class="code">
 * post_published = django.dispatch.Signal()   # providing post, author, created
 * </pre>
 */
@Component
public final class PostPublished extends Signal {

	PostPublished() {
		super(SignalSpec.named("post_published")
			.argument("post", Post.class)
			.argument("author", Author.class)
			.argument("created", Boolean.class));
	}

}
