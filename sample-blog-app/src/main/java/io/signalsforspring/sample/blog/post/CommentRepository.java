package io.signalsforspring.sample.blog.post;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Comments of a post, oldest first. */
public interface CommentRepository extends JpaRepository<Comment, Long> {

	List<Comment> findByPostIdOrderByCreatedAt(Long postId);

}
