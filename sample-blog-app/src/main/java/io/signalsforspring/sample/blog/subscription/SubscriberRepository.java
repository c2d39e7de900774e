package io.signalsforspring.sample.blog.subscription;

import org.springframework.data.jpa.repository.JpaRepository;

/** Subscribers by email. */
public interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

	boolean existsByEmailIgnoreCase(String email);

}
