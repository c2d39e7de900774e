package io.signalsforspring.sample.blog.post;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

import io.signalsforspring.sample.blog.author.Author;
import io.signalsforspring.sample.blog.author.AuthorRepository;
import io.signalsforspring.sample.blog.system.UniqueViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writing, publishing and deleting posts. Saving sends the model signals; a post's first
 * publication sends {@link PostPublished}.
 */
@Service
public class PostService {

	/** How often a write that lost a race for a unique key is tried. */
	static final int MAX_ATTEMPTS = 8;

	private final PostRepository posts;

	private final TagRepository tags;

	private final CommentRepository comments;

	private final AuthorRepository authors;

	private final PostPublished postPublished;

	private final TransactionTemplate transactions;

	PostService(PostRepository posts, TagRepository tags, CommentRepository comments, AuthorRepository authors,
			PostPublished postPublished, PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.posts = posts;
		this.tags = tags;
		this.comments = comments;
		this.authors = authors;
		this.postPublished = postPublished;
	}

	@Transactional(readOnly = true)
	public List<Post> published() {
		return this.posts.findByStatusOrderByCreatedAtDesc(PostStatus.PUBLISHED);
	}

	@Transactional(readOnly = true)
	public List<Post> draftsOf(String username) {
		return this.posts.findByAuthorUsernameAndStatusOrderByCreatedAtDesc(username, PostStatus.DRAFT);
	}

	/**
	 * Find a post a reader may see: published, or a draft of the reader.
	 * @param slug the slug
	 * @param reader the signed-in user name, or {@code null}
	 * @return the post
	 * @throws PostNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Post find(String slug, String reader) {
		return this.posts.findBySlug(slug)
			.filter((post) -> post.isPublished() || post.getAuthor().getUsername().equals(reader))
			.orElseThrow(() -> new PostNotFoundException(slug));
	}

	@Transactional(readOnly = true)
	public List<Comment> commentsOf(Post post) {
		return this.comments.findByPostIdOrderByCreatedAt(post.getId());
	}

	/**
	 * Write a new post. A published one sends {@code post_published}, and subscribers are
	 * emailed once it is committed; a draft is emailed to nobody.
	 *
	 * <p>
	 * Concurrent requests may pick the same slug or create the same new tag at once; the
	 * database's unique keys decide, and the loser's transaction is rolled back (nothing
	 * of it is written, no email goes out) and run again. From the third attempt on, the
	 * slug gets a random suffix, so that many posts of one title at once all succeed.
	 * @param username the author
	 * @param content what they wrote
	 * @return the post, with its slug
	 * @throws ConcurrentChangeException if every attempt lost a race
	 */
	public Post create(String username, PostContent content) {
		return retryingConflicts((attempt) -> {
			Author author = this.authors.findByUsername(username).orElseThrow();
			Post post = new Post(author, content.title().strip(), content.content(), content.statusOrPublished());
			if (attempt >= 3) {
				post.setSlug(SlugReceivers.slugify(post.getTitle()) + "-"
						+ Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36));
			}
			post.getTags().addAll(tagsNamed(content.tagsOrEmpty()));
			Post saved = this.posts.save(post);
			if (saved.isPublished()) {
				this.postPublished.send(this, Map.of("post", saved, "author", author, "created", true));
			}
			return saved;
		});
	}

	/**
	 * Change a post; publishing a draft that was never public sends
	 * {@code post_published}. A post unpublished and published again is not announced
	 * again.
	 * @param slug the post
	 * @param username who asks
	 * @param content the new content
	 * @return the post
	 * @throws NotYourPostException if it is another author's post
	 */
	public Post update(String slug, String username, PostContent content) {
		return retryingConflicts((attempt) -> {
			Post post = ownPost(slug, username);
			post.setTitle(content.title().strip());
			post.setContent(content.content());
			post.setStatus(content.statusOrPublished());
			List<Tag> tags = tagsNamed(content.tagsOrEmpty());
			post.getTags().retainAll(tags);
			post.getTags().addAll(tags);
			this.posts.flush();
			if (post.isPublished() && post.getPublishedAt() == null) {
				Instant now = Instant.now();
				if (this.posts.markPublished(post.getId(), now) == 1) {
					post.publishedAt(now);
					this.postPublished.send(this, Map.of("post", post, "author", post.getAuthor(), "created", false));
				}
			}
			return post;
		});
	}

	/**
	 * Delete a post; a receiver removes its comments.
	 * @param slug the post
	 * @param username who asks
	 */
	@Transactional
	public void delete(String slug, String username) {
		this.posts.delete(ownPost(slug, username));
	}

	/**
	 * Add a reader's comment; the post's author is emailed once it is committed.
	 * @param slug the post
	 * @param name the reader's name
	 * @param text the comment
	 * @return the comment
	 */
	@Transactional
	public Comment comment(String slug, String name, String text) {
		Post post = this.posts.findBySlug(slug)
			.filter(Post::isPublished)
			.orElseThrow(() -> new PostNotFoundException(slug));
		return this.comments.save(new Comment(post.getId(), name.strip(), text.strip()));
	}

	/**
	 * Run work in a transaction of its own, again when it lost a race for a unique key.
	 */
	private Post retryingConflicts(IntFunction<Post> work) {
		for (int attempt = 1;; attempt++) {
			int current = attempt;
			try {
				return this.transactions.execute((status) -> work.apply(current));
			}
			catch (DataIntegrityViolationException ex) {
				if (!UniqueViolation.causedBy(ex)) {
					throw ex;
				}
				if (attempt == MAX_ATTEMPTS) {
					throw new ConcurrentChangeException(ex);
				}
			}
		}
	}

	private Post ownPost(String slug, String username) {
		Post post = this.posts.findBySlug(slug).orElseThrow(() -> new PostNotFoundException(slug));
		if (!post.getAuthor().getUsername().equals(username)) {
			throw new NotYourPostException(slug);
		}
		return post;
	}

	private List<Tag> tagsNamed(List<String> names) {
		return names.stream()
			.map((name) -> name.toLowerCase(java.util.Locale.ROOT))
			.distinct()
			.map((name) -> this.tags.findByName(name).orElseGet(() -> this.tags.save(new Tag(name))))
			.toList();
	}

}
