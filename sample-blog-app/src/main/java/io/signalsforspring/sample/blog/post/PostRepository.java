package io.signalsforspring.sample.blog.post;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Posts by slug, newest first. */
public interface PostRepository extends JpaRepository<Post, Long> {

	@EntityGraph(attributePaths = { "author", "tags" })
	Optional<Post> findBySlug(String slug);

	@EntityGraph(attributePaths = { "author", "tags" })
	List<Post> findByStatusOrderByCreatedAtDesc(PostStatus status);

	@EntityGraph(attributePaths = { "author", "tags" })
	List<Post> findByAuthorUsernameAndStatusOrderByCreatedAtDesc(String username, PostStatus status);

	/**
	 * Record that a post became public, unless it was public before. The database decides
	 * between concurrent requests publishing one draft: only one of them changes the row.
	 * @param postId the post
	 * @param now the instant
	 * @return 1 if this was the post's first publication, 0 otherwise
	 */
	@Modifying(flushAutomatically = true)
	@Query("update Post p set p.publishedAt = :now where p.id = :postId and p.publishedAt is null")
	int markPublished(Long postId, Instant now);

	@Query("select p.author.email from Post p where p.id = :postId")
	Optional<String> findAuthorEmail(Long postId);

}
