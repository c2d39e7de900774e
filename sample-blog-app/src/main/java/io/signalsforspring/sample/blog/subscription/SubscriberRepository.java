package io.signalsforspring.sample.blog.subscription;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Subscribers by email and by the token of their links. */
public interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

	boolean existsByEmailIgnoreCase(String email);

	Optional<Subscriber> findByEmailIgnoreCase(String email);

	Optional<Subscriber> findByToken(String token);

	/**
	 * The addresses that are emailed posts.
	 * @return the subscribers whose owner confirmed them
	 */
	List<Subscriber> findByConfirmedAtIsNotNullOrderById();

}
