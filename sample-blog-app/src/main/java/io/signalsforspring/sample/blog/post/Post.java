package io.signalsforspring.sample.blog.post;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.signalsforspring.sample.blog.author.Author;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;

/**
 * A blog post. Its slug is filled from the title by {@link SlugReceivers} in
 * {@code pre_save}.
 */
@Entity
public class Post {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String title;

	private String slug;

	private String content;

	@Enumerated(EnumType.STRING)
	private PostStatus status;

	private Instant createdAt;

	/**
	 * When the post first became public: set once, by the insert or by
	 * {@link PostRepository#markPublished}, never by an update of the entity.
	 */
	@Column(updatable = false)
	private Instant publishedAt;

	@ManyToOne(fetch = FetchType.LAZY)
	private Author author;

	@ManyToMany
	@JoinTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"))
	private Set<Tag> tags = new LinkedHashSet<>();

	protected Post() {
	}

	Post(Author author, String title, String content, PostStatus status) {
		this.author = author;
		this.title = title;
		this.content = content;
		this.status = status;
		this.createdAt = Instant.now();
		this.publishedAt = (status == PostStatus.PUBLISHED) ? this.createdAt : null;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	void setTitle(String title) {
		this.title = title;
	}

	public String getSlug() {
		return this.slug;
	}

	void setSlug(String slug) {
		this.slug = slug;
	}

	public String getContent() {
		return this.content;
	}

	void setContent(String content) {
		this.content = content;
	}

	public PostStatus getStatus() {
		return this.status;
	}

	void setStatus(PostStatus status) {
		this.status = status;
	}

	public boolean isPublished() {
		return this.status == PostStatus.PUBLISHED;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When the post first became public.
	 * @return the instant, or {@code null} for a post that was never published
	 */
	public Instant getPublishedAt() {
		return this.publishedAt;
	}

	void publishedAt(Instant publishedAt) {
		this.publishedAt = publishedAt;
	}

	public Author getAuthor() {
		return this.author;
	}

	public Set<Tag> getTags() {
		return this.tags;
	}

	public List<String> getTagNames() {
		return this.tags.stream().map(Tag::getName).sorted(Comparator.naturalOrder()).toList();
	}

}
