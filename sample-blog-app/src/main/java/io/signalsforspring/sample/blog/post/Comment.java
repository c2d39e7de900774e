package io.signalsforspring.sample.blog.post;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A reader's comment. It names its post by id only (no foreign key, like the tutorial's
 * books and authors), so {@link PostCleanup} removes it when the post is deleted.
 */
@Entity
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long postId;

	private String authorName;

	private String text;

	private Instant createdAt;

	protected Comment() {
	}

	Comment(Long postId, String authorName, String text) {
		this.postId = postId;
		this.authorName = authorName;
		this.text = text;
		this.createdAt = Instant.now();
	}

	public Long getPostId() {
		return this.postId;
	}

	public String getAuthorName() {
		return this.authorName;
	}

	public String getText() {
		return this.text;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
