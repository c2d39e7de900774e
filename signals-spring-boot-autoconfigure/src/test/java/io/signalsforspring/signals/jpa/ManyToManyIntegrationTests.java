package io.signalsforspring.signals.jpa;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.signalsforspring.signals.jpa.blog.Author;
import io.signalsforspring.signals.jpa.blog.Post;
import io.signalsforspring.signals.jpa.blog.Tag;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code m2m_changed} tells what the SQL did to the join table, in the order of Django's
 * {@code set()}: removals (pre and post) before additions (pre and post).
 */
@SpringBootTest(classes = JpaTestApplication.class)
class ManyToManyIntegrationTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecordingReceivers receivers;

	private long post;

	private long java;

	private long spring;

	private long hibernate;

	@BeforeEach
	void postTaggedJavaAndSpring() {
		this.transactions.executeWithoutResult((status) -> BlogTables.deleteAll(this.entityManager));
		this.transactions.executeWithoutResult((status) -> {
			Tag java = new Tag("java");
			Tag spring = new Tag("spring");
			Tag hibernate = new Tag("hibernate");
			List.of(java, spring, hibernate).forEach(this.entityManager::persist);
			Post tagged = new Post("Tagged");
			tagged.getTags().addAll(List.of(java, spring));
			this.entityManager.persist(tagged);
			this.post = tagged.getId();
			this.java = java.getId();
			this.spring = spring.getId();
			this.hibernate = hibernate.getId();
		});
		this.receivers.clear();
	}

	@Test
	void replacingAnUnreadCollectionSendsAClearThenAnAddOfTheNewElements() {
		this.transactions.executeWithoutResult((status) -> {
			Post post = this.entityManager.find(Post.class, this.post);
			assertThat(Hibernate.isInitialized(post.getTags())).isFalse();
			post.setTags(new HashSet<>(Set.of(tag(this.spring), tag(this.hibernate))));
		});
		assertThat(m2m()).containsExactly("pre_clear null", "post_clear null",
				"pre_add " + ids(this.spring, this.hibernate), "post_add " + ids(this.spring, this.hibernate));
		assertThat(joinRows()).containsExactlyInAnyOrder(this.spring, this.hibernate);
	}

	@Test
	void replacingAReadCollectionIsAlsoAClearThenAnAdd() {
		this.transactions.executeWithoutResult((status) -> {
			Post post = this.entityManager.find(Post.class, this.post);
			assertThat(post.getTags()).hasSize(2);
			post.setTags(new HashSet<>(Set.of(tag(this.hibernate))));
		});
		assertThat(m2m()).containsExactly("pre_clear null", "post_clear null", "pre_add [" + this.hibernate + "]",
				"post_add [" + this.hibernate + "]");
		assertThat(joinRows()).containsExactly(this.hibernate);
	}

	@Test
	void removeAndAddInOneFlushFollowDjangosSetOrder() {
		this.transactions.executeWithoutResult((status) -> {
			Post post = this.entityManager.find(Post.class, this.post);
			post.getTags().remove(tag(this.java));
			post.getTags().add(tag(this.hibernate));
		});
		assertThat(m2m()).containsExactly("pre_remove [" + this.java + "]", "post_remove [" + this.java + "]",
				"pre_add [" + this.hibernate + "]", "post_add [" + this.hibernate + "]");
		assertThat(joinRows()).containsExactlyInAnyOrder(this.spring, this.hibernate);
	}

	@Test
	void repeatedAddsAndRemovesReportWhatEachFlushWrote() {
		this.transactions.executeWithoutResult((status) -> {
			Post post = this.entityManager.find(Post.class, this.post);
			post.getTags().add(tag(this.hibernate));
			this.entityManager.flush();
			post.getTags().remove(tag(this.hibernate));
			post.getTags().remove(tag(this.java));
			this.entityManager.flush();
			post.getTags().add(tag(this.java));
			post.getTags().remove(tag(this.java));
			this.entityManager.flush();
			post.getTags().add(tag(this.java));
		});
		assertThat(m2m()).containsExactly("pre_add [" + this.hibernate + "]", "post_add [" + this.hibernate + "]",
				"pre_remove " + ids(this.hibernate, this.java), "post_remove " + ids(this.hibernate, this.java),
				"pre_add [" + this.java + "]", "post_add [" + this.java + "]");
		assertThat(joinRows()).containsExactlyInAnyOrder(this.java, this.spring);
	}

	@Test
	void clearingACollectionDeletesItsRowsAndSendsAClear() {
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, this.post).getTags().clear());
		assertThat(m2m()).containsExactly("pre_clear null", "post_clear null");
		assertThat(joinRows()).isEmpty();
	}

	@Test
	void clearingAnAlreadyEmptyCollectionSendsNothingSinceNoRowChanges() {
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, this.post).getTags().clear());
		this.receivers.clear();
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, this.post).getTags().clear());
		assertThat(m2m()).isEmpty();
	}

	@Test
	void failedFlushSendsNothingAndLeavesNothingForTheNextTransaction() {
		long author = this.transactions.execute((status) -> {
			Author ada = new Author("Ada");
			this.entityManager.persist(ada);
			this.entityManager.find(Post.class, this.post).setAuthor(ada);
			return ada.getId();
		});
		this.receivers.clear();
		assertThatException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.entityManager.find(Post.class, this.post).getTags().add(tag(this.hibernate));
			this.entityManager.remove(this.entityManager.find(Author.class, author));
		}));
		assertThat(m2m()).as("the flush failed on the author's DELETE, after the join rows were written").isEmpty();
		assertThat(joinRows()).containsExactlyInAnyOrder(this.java, this.spring);
		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.find(Post.class, this.post).getTags().remove(tag(this.java)));
		assertThat(m2m()).containsExactly("pre_remove [" + this.java + "]", "post_remove [" + this.java + "]");
	}

	private Tag tag(long id) {
		return this.entityManager.find(Tag.class, id);
	}

	private List<String> m2m() {
		return this.receivers.of("m2m_changed")
			.stream()
			.map((event) -> event.get("action") + " "
					+ ((event.get("pk_set") != null) ? new TreeSet<>((Set<?>) event.get("pk_set")) : null))
			.toList();
	}

	private static String ids(long... ids) {
		return Arrays.stream(ids).boxed().collect(Collectors.toCollection(TreeSet::new)).toString();
	}

	private List<Long> joinRows() {
		return this.jdbc.queryForList("select tags_id from blog_post_tags where posts_id = ?", Long.class, this.post);
	}

}
