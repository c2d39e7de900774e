package io.signalsforspring.signals.jpa.blog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A dependent entity, deleted by cascade or as an orphan. */
@Entity
@Table(name = "blog_comment")
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_ids")
	@SequenceGenerator(name = "comment_ids", sequenceName = "blog_comment_ids", allocationSize = 1)
	private Long id;

	@ManyToOne
	private Post post;

	private String text;

	protected Comment() {
	}

	Comment(Post post, String text) {
		this.post = post;
		this.text = text;
	}

	public Long getId() {
		return this.id;
	}

	public String getText() {
		return this.text;
	}

}
