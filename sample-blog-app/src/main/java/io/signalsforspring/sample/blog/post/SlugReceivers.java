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
 * The receiver runs inside Hibernate's flush, where a JPA query would flush again; it
 * checks for taken slugs with plain JDBC on the same connection instead.
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

	static String slugify(String title) {
		String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		if (slug.length() > 200) {
			slug = slug.substring(0, 200).replaceAll("-$", "");
		}
		return slug.isEmpty() ? "post" : slug;
	}

}
