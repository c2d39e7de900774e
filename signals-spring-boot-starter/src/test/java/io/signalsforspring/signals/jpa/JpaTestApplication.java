package io.signalsforspring.signals.jpa;

import io.signalsforspring.signals.jpa.blog.Post;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The application of the JPA integration tests: Boot's own JPA auto-configuration, the
 * starter, the blog entities and the recording receivers. Every test class uses exactly
 * this configuration, so the context is built once.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Post.class)
@EnableJpaRepositories(basePackageClasses = Post.class)
@Import(RecordingReceivers.class)
class JpaTestApplication {

}
