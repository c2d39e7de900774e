package io.signalsforspring.sample.blog.author;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Profiles by author. */
public interface ProfileRepository extends JpaRepository<Profile, Long> {

	Optional<Profile> findByAuthorUsername(String username);

}
