package io.signalsforspring.sample.blog.author;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Authors by user name. */
public interface AuthorRepository extends JpaRepository<Author, Long> {

	Optional<Author> findByUsername(String username);

	boolean existsByUsername(String username);

}
