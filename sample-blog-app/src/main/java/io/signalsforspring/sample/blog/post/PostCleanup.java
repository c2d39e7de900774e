package io.signalsforspring.sample.blog.post;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seed 004's cleanup: when a post is deleted, what belongs to it goes too. Its comments
 * (which name the post by id only) are deleted, and tag counts are recounted, since
 * deleting a post sends no {@code m2m_changed} (as in Django). Runs in the deleting
 * transaction, so a rolled-back delete keeps everything.
 */
@Component
class PostCleanup {

	private final JdbcTemplate jdbc;

	PostCleanup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Receiver(signal = PostDelete.class, sender = Post.class)
	void removeWhatBelongsToIt(Post instance) {
		this.jdbc.update("delete from comment where post_id = ?", instance.getId());
		TagCounts.recountAll(this.jdbc);
	}

}
