package io.signalsforspring.signals.jpa.blog;

import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data repository, to show that its save() sends the same signals. */
public interface PostRepository extends JpaRepository<Post, Long> {

}
