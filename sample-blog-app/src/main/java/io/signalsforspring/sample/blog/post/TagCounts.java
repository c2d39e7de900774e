package io.signalsforspring.sample.blog.post;

import java.util.Set;

import io.signalsforspring.signals.ModelSignals.M2mChanged;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each tag's post count from {@code m2m_changed} on {@code Post.tags}: after tags
 * are added, removed or cleared, the counts of the tags concerned are recounted in the
 * same transaction.
 */
@Component
class TagCounts {

	private final JdbcTemplate jdbc;

	TagCounts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Receiver(signal = M2mChanged.class, sender = Post.class, condition = "#action.startsWith('post_')")
	void recount(@Nullable Set<Object> pkSet) {
		if (pkSet == null) {
			recountAll(this.jdbc);
			return;
		}
		for (Object tagId : pkSet) {
			this.jdbc.update(
					"update tag set post_count = (select count(*) from post_tags where tag_id = ?) where id = ?", tagId,
					tagId);
		}
	}

	static void recountAll(JdbcTemplate jdbc) {
		jdbc.update("update tag set post_count = (select count(*) from post_tags where post_tags.tag_id = tag.id)");
	}

}
