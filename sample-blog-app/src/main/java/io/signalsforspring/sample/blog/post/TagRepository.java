package io.signalsforspring.sample.blog.post;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Tags by name. */
public interface TagRepository extends JpaRepository<Tag, Long> {

	Optional<Tag> findByName(String name);

}
