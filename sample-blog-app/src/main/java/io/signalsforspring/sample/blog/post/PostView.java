package io.signalsforspring.sample.blog.post;

import java.time.Instant;
import java.util.List;

/**
 * A post as the list and the JSON API show it: plain values, safe to cache and to send.
 */
record PostView(String slug, String title, String content, PostStatus status, String author, List<String> tags,
		Instant createdAt) {

	static PostView of(Post post) {
		return new PostView(post.getSlug(), post.getTitle(), post.getContent(), post.getStatus(),
				post.getAuthor().getUsername(), List.copyOf(post.getTagNames()), post.getCreatedAt());
	}

}
