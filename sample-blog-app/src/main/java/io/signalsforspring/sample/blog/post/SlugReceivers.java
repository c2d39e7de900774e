package io.signalsforspring.sample.blog.post;

import java.text.Normalizer;
import java.util.Locale;

import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills a new post's slug from its title in {@code pre_save}, so the INSERT writes it:
 * "Hello, World!" becomes {@code hello-world}, or {@code hello-world-2} if that is taken.
 * A post keeps its slug when its title changes, so links stay valid.
 *
 * <p>
 * {@code pre_save} runs while Hibernate writes the post, so the receiver only changes the
 * post and reads (here with plain JDBC on the same connection). Two requests may still
 * pick the same free slug at once: the unique key decides and {@code PostService} tries
 * the loser again.
 */
@Component
class SlugReceivers {

	private final JdbcTemplate jdbc;

	SlugReceivers(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Receiver(signal = PreSave.class, sender = Post.class)
	void fillSlug(Post instance) {
		if (instance.getSlug() == null || instance.getSlug().isBlank()) {
			instance.setSlug(freeSlug(slugify(instance.getTitle())));
		}
	}

	private String freeSlug(String base) {
		String slug = base;
		for (int n = 2; isTaken(slug); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private boolean isTaken(String slug) {
		Integer count = this.jdbc.queryForObject("select count(*) from post where slug = ?", Integer.class, slug);
		return count != null && count > 0;
	}

	/**
	 * Django's {@code slugify(value, allow_unicode=True)}: NFKC-normalized, lower case,
	 * letters, digits and underscores of any script kept, runs of spaces and dashes one
	 * dash, other characters dropped. "Hello, World!" becomes {@code hello-world},
	 * "日本語の投稿" stays {@code 日本語の投稿}, "Smørrebrød" becomes {@code smørrebrød}.
	 * @param title the title
	 * @return the slug, at most 200 characters; {@code post} if nothing is left
	 */
	static String slugify(String title) {
		String normalized = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String slug = normalized.replaceAll("[^\\p{L}\\p{M}\\p{N}_\\s-]", "")
			.replaceAll("[-\\s]+", "-")
			.replaceAll("(^[-_]+|[-_]+$)", "");
		if (slug.length() > 200) {
			slug = slug.substring(0, 200).replaceAll("[-_]+$", "");
		}
		return slug.isEmpty() ? "post" : slug;
	}

}
