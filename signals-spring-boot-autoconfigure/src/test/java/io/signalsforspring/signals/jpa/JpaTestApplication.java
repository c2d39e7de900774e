package io.signalsforspring.signals.jpa;

import io.signalsforspring.signals.jpa.accounts.Account;
import io.signalsforspring.signals.jpa.accounts.WritingReceivers;
import io.signalsforspring.signals.jpa.blog.Post;
import io.signalsforspring.signals.jpa.tutorial.TutorialReceivers;
import io.signalsforspring.signals.jpa.tutorial.User;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The application of the JPA integration tests: Boot's own JPA auto-configuration, the
 * starter, the blog, account and tutorial entities, the recording receivers and the
 * receivers that write. Every test class uses exactly this configuration, so the context
 * is built once.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = { Post.class, Account.class, User.class })
@EnableJpaRepositories(basePackageClasses = { Post.class, Account.class, User.class })
@Import({ RecordingReceivers.class, WritingReceivers.class, TutorialReceivers.class })
class JpaTestApplication {

}
