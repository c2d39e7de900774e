package io.signalsforspring.sample.blog.post;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Posts by slug, newest first. */
public interface PostRepository extends JpaRepository<Post, Long> {

	@EntityGraph(attributePaths = { "author", "tags" })
	Optional<Post> findBySlug(String slug);

	@EntityGraph(attributePaths = { "author", "tags" })
	List<Post> findByStatusOrderByCreatedAtDesc(PostStatus status);

	@EntityGraph(attributePaths = { "author", "tags" })
	List<Post> findByAuthorUsernameAndStatusOrderByCreatedAtDesc(String username, PostStatus status);

	@Query("select p.author.email from Post p where p.id = :postId")
	Optional<String> findAuthorEmail(Long postId);

}
