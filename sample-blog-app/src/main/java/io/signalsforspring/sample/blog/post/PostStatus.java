package io.signalsforspring.sample.blog.post;

/** Whether a post is visible to readers. */
public enum PostStatus {

	/** Visible to its author only. */
	DRAFT,

	/** Visible to everyone. */
	PUBLISHED

}
