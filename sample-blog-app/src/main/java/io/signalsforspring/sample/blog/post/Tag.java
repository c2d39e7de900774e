package io.signalsforspring.sample.blog.post;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A tag. Its post count is kept by {@link TagCounts} from {@code m2m_changed}, so JPA
 * only reads it.
 */
@Entity
public class Tag {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(insertable = false, updatable = false)
	private int postCount;

	protected Tag() {
	}

	Tag(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public int getPostCount() {
		return this.postCount;
	}

}
