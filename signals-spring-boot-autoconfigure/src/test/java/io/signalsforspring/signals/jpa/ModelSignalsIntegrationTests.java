package io.signalsforspring.signals.jpa;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.jpa.blog.Author;
import io.signalsforspring.signals.jpa.blog.Comment;
import io.signalsforspring.signals.jpa.blog.FeaturedPost;
import io.signalsforspring.signals.jpa.blog.Post;
import io.signalsforspring.signals.jpa.blog.PostRepository;
import io.signalsforspring.signals.jpa.blog.Tag;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Model signals from real Hibernate on a real database (H2 by default, PostgreSQL with
 * the {@code postgres} profile). Each test commits its own transactions.
 */
@SpringBootTest(classes = JpaTestApplication.class)
class ModelSignalsIntegrationTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private PostRepository posts;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecordingReceivers receivers;

	@BeforeEach
	void clean() {
		this.transactions.executeWithoutResult((status) -> BlogTables.deleteAll(this.entityManager));
		this.receivers.clear();
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	private static String describe(SignalEvent event) {
		return event.signal().name() + " " + ((Class<?>) event.sender()).getSimpleName();
	}

	@Test
	void runsOnTheDatabaseTheBuildAskedFor() {
		String product = this.jdbc
			.execute((java.sql.Connection connection) -> connection.getMetaData().getDatabaseProductName());
		String expected = System.getProperty("signals.test.database", "h2");
		assertThat(product).as("the postgres profile must not fall back to H2").isEqualToIgnoringCase(expected);
	}

	@Test
	void persistSendsPreAndPostSaveWithDjangosArguments() {
		Post post = inTransaction(() -> {
			Post created = new Post("Hello World");
			this.entityManager.persist(created);
			return created;
		});
		SignalEvent postSave = this.receivers.of("post_save").get(0);
		assertThat(postSave.sender()).isEqualTo(Post.class);
		assertThat(postSave.get("instance")).isSameAs(post);
		assertThat(postSave.get("created")).isEqualTo(true);
		assertThat(postSave.get("raw")).isEqualTo(false);
		assertThat(postSave.get("using")).isEqualTo("entityManagerFactory");
		assertThat(postSave.has("update_fields")).isTrue();
		assertThat(postSave.get("update_fields")).isNull();
		assertThat(this.receivers.of("pre_save")).singleElement().satisfies((preSave) -> {
			assertThat(preSave.get("instance")).isSameAs(post);
			assertThat(preSave.get("update_fields")).isNull();
		});
	}

	@Test
	void identityIdIsSavedAtPersistAndSequenceIdAtFlush() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.persist(new Author("Ada"));
			assertThat(this.receivers.of("post_save")).as("IDENTITY inserts at persist()").hasSize(1);
			this.entityManager.persist(new Post("Later"));
			assertThat(this.receivers.of("post_save")).as("SEQUENCE waits for the flush").hasSize(1);
			this.entityManager.flush();
			assertThat(this.receivers.of("post_save")).hasSize(2);
		});
	}

	@Test
	void dirtyCheckingUpdateSendsChangedFieldsAndTheirPreviousValues() {
		Long id = inTransaction(() -> {
			Post post = new Post("First");
			this.entityManager.persist(post);
			return post.getId();
		});
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Post.class, id).setTitle("Second"));
		SignalEvent postSave = this.receivers.of("post_save").get(0);
		assertThat(postSave.get("created")).isEqualTo(false);
		assertThat(postSave.get("update_fields")).isEqualTo(Set.of("title", "slug"));
		assertThat(postSave.get("previous_values")).isEqualTo(Map.of("title", "First", "slug", "first"));
		assertThat(this.receivers.of("pre_save")).singleElement()
			.satisfies((preSave) -> assertThat(preSave.get("update_fields")).isEqualTo(Set.of("title")));
	}

	@Test
	void repositorySaveAndMergeOfADetachedEntitySendPostSave() {
		Post saved = this.posts.save(new Post("Repo"));
		assertThat(this.receivers.of("post_save")).extracting((event) -> event.get("created")).containsExactly(true);
		saved.setTitle("Merged");
		this.posts.save(saved);
		assertThat(this.receivers.of("post_save")).extracting((event) -> event.get("created"))
			.containsExactly(true, false);
		assertThat(this.receivers.of("post_save").get(1).get("update_fields", Set.class)).contains("title");
	}

	@Test
	void preSaveReceiverChangeIsWrittenByTheSameInsertAndUpdate() {
		Long id = inTransaction(() -> {
			Post post = new Post("Signals Are Fun");
			this.entityManager.persist(post);
			return post.getId();
		});
		assertThat(this.jdbc.queryForObject("select slug from blog_post where id = ?", String.class, id))
			.isEqualTo("signals-are-fun");
		assertThat(this.receivers.of("post_save")).as("no second write for the slug").hasSize(1);
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, id).setTitle("New Name"));
		assertThat(this.jdbc.queryForObject("select slug from blog_post where id = ?", String.class, id))
			.isEqualTo("new-name");
	}

	@Test
	void exceptionInPreSaveAbortsTheWriteAndReachesTheCaller() {
		this.receivers.failPreSaveFor = "Nope";
		assertThatException().isThrownBy(() -> this.posts.save(new Post("Nope")))
			.withStackTraceContaining("pre_save refused Nope");
		assertThat(this.jdbc.queryForObject("select count(*) from blog_post", Integer.class)).isZero();
		assertThat(this.receivers.of("post_save")).isEmpty();
	}

	@Test
	void exceptionInPreDeleteAbortsTheDelete() {
		Post post = this.posts.save(new Post("Keep"));
		this.receivers.failPreDeleteFor = "Keep";
		assertThatException().isThrownBy(() -> this.posts.deleteById(post.getId()))
			.withStackTraceContaining("pre_delete refused Keep");
		assertThat(this.jdbc.queryForObject("select count(*) from blog_post", Integer.class)).isOne();
	}

	@Test
	void deleteSendsEveryPreDeleteFirstThenEveryPostDeleteWithTheOrigin() {
		Long id = inTransaction(() -> {
			Post post = new Post("Book");
			post.addComment("page 1");
			post.addComment("page 2");
			this.entityManager.persist(post);
			return post.getId();
		});
		this.receivers.clear();
		Post deleted = inTransaction(() -> {
			Post post = this.entityManager.find(Post.class, id);
			this.entityManager.remove(post);
			return post;
		});
		List<SignalEvent> deletes = this.receivers.events.stream()
			.filter((event) -> event.signal().name().endsWith("_delete"))
			.toList();
		assertThat(deletes).as("Django's order: every pre_delete first, dependents first, then every post_delete")
			.extracting(ModelSignalsIntegrationTests::describe)
			.containsExactly("pre_delete Comment", "pre_delete Comment", "pre_delete Post", "post_delete Comment",
					"post_delete Comment", "post_delete Post");
		assertThat(deletes).allSatisfy((event) -> assertThat(event.get("origin")).isSameAs(deleted));
		assertThat(deletes).filteredOn((event) -> event.sender() == Post.class)
			.allSatisfy((event) -> assertThat(((Post) event.get("instance")).getId()).isEqualTo(id));
		assertThat(deletes.get(0).get("using")).isEqualTo("entityManagerFactory");
	}

	@Test
	void orphanRemovalSendsDeleteWithTheOrphanAsOrigin() {
		Long id = inTransaction(() -> {
			Post post = new Post("Orphans");
			post.addComment("gone soon");
			this.entityManager.persist(post);
			return post.getId();
		});
		this.receivers.clear();
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, id).getComments().clear());
		assertThat(this.receivers.of("post_delete")).singleElement().satisfies((event) -> {
			assertThat(event.sender()).isEqualTo(Comment.class);
			assertThat(event.get("origin")).isSameAs(event.get("instance"));
		});
	}

	@Test
	void manyToManyChangesSendM2mChangedWithTheIdsAddedRemovedAndCleared() {
		long[] ids = inTransaction(() -> {
			Tag java = new Tag("java");
			Tag spring = new Tag("spring");
			this.entityManager.persist(java);
			this.entityManager.persist(spring);
			Post post = new Post("Tagged");
			this.entityManager.persist(post);
			return new long[] { post.getId(), java.getId(), spring.getId() };
		});
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> {
			Post post = this.entityManager.find(Post.class, ids[0]);
			post.getTags().add(this.entityManager.find(Tag.class, ids[1]));
			post.getTags().add(this.entityManager.find(Tag.class, ids[2]));
		});
		List<SignalEvent> added = this.receivers.of("m2m_changed");
		assertThat(added).extracting((event) -> event.get("action")).containsExactly("pre_add", "post_add");
		assertThat(added).allSatisfy((event) -> {
			assertThat(event.sender()).isEqualTo(Post.class);
			assertThat(event.get("pk_set")).isEqualTo(Set.of(ids[1], ids[2]));
			assertThat(event.get("reverse")).isEqualTo(false);
			assertThat(event.get("model")).isEqualTo(Tag.class);
			assertThat(event.get("field")).isEqualTo("tags");
			assertThat(event.get("using")).isEqualTo("entityManagerFactory");
			assertThat(((Post) event.get("instance")).getId()).isEqualTo(ids[0]);
		});
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Post.class, ids[0])
			.getTags()
			.removeIf((tag) -> tag.getId() == ids[1]));
		assertThat(this.receivers.of("m2m_changed"))
			.extracting((event) -> event.get("action") + " " + event.get("pk_set"))
			.containsExactly("pre_remove [" + ids[1] + "]", "post_remove [" + ids[1] + "]");
		this.receivers.clear();
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(Post.class, ids[0]).getTags().clear());
		assertThat(this.receivers.of("m2m_changed"))
			.extracting((event) -> event.get("action") + " " + event.get("pk_set"))
			.containsExactly("pre_clear null", "post_clear null");
	}

	@Test
	void newEntityWithManyToManyElementsSendsAnAddOfAllOfThem() {
		long[] tagIds = inTransaction(() -> {
			Tag one = new Tag("one");
			Tag two = new Tag("two");
			this.entityManager.persist(one);
			this.entityManager.persist(two);
			return new long[] { one.getId(), two.getId() };
		});
		this.receivers.clear();
		Post post = inTransaction(() -> {
			Post created = new Post("Born tagged");
			created.getTags().add(this.entityManager.find(Tag.class, tagIds[0]));
			created.getTags().add(this.entityManager.find(Tag.class, tagIds[1]));
			this.entityManager.persist(created);
			return created;
		});
		assertThat(this.receivers.of("m2m_changed")).extracting((event) -> event.get("action"))
			.containsExactly("pre_add", "post_add");
		assertThat(this.receivers.of("m2m_changed")).allSatisfy((event) -> {
			assertThat(event.get("pk_set")).isEqualTo(Set.of(tagIds[0], tagIds[1]));
			assertThat(event.get("instance")).isSameAs(post);
		});
	}

	@Test
	void changeOnlyOnTheMappedBySideIsNotWrittenAndSendsNothing() {
		long[] ids = inTransaction(() -> {
			Tag tag = new Tag("inverse");
			this.entityManager.persist(tag);
			Post post = new Post("Inverse");
			this.entityManager.persist(post);
			return new long[] { post.getId(), tag.getId() };
		});
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Tag.class, ids[1])
			.getPosts()
			.add(this.entityManager.find(Post.class, ids[0])));
		assertThat(this.jdbc.queryForObject("select count(*) from blog_post_tags", Integer.class)).isZero();
		assertThat(this.receivers.of("m2m_changed")).isEmpty();
	}

	@Test
	void loadingAnEntitySendsPreInitAndPostInit() {
		Long id = this.posts.save(new Post("Loaded")).getId();
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> this.entityManager.find(Post.class, id));
		assertThat(this.receivers.of("pre_init")).singleElement().satisfies((event) -> {
			assertThat(event.sender()).isEqualTo(Post.class);
			assertThat(event.get("id")).isEqualTo(id);
		});
		assertThat(this.receivers.of("post_init")).singleElement()
			.satisfies((event) -> assertThat(((Post) event.get("instance")).getId()).isEqualTo(id));
		new Post("constructed, not loaded");
		assertThat(this.receivers.of("post_init")).as("new fires nothing").hasSize(1);
	}

	@Test
	void classPreparedIsSentOncePerEntityTypeAtStartUp() {
		assertThat(this.receivers.prepared).filteredOn((type) -> type.getPackage() == Post.class.getPackage())
			.containsExactlyInAnyOrder(Author.class, Tag.class, Post.class, FeaturedPost.class, Comment.class);
	}

	@Test
	void bulkJpqlAndNativeSqlSendNothing() {
		this.posts.save(new Post("Bulk"));
		this.receivers.clear();
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.createQuery("update Post p set p.title = 'x'").executeUpdate();
			this.entityManager.createNativeQuery("update blog_post set slug = 'y'").executeUpdate();
			this.entityManager.createQuery("delete from Post").executeUpdate();
		});
		assertThat(this.receivers.events).isEmpty();
	}

	@Test
	void subclassEntitySendsItsOwnClassAndSenderFilteredReceiversIgnoreIt() {
		this.posts.save(new FeaturedPost("Featured"));
		assertThat(this.receivers.of("post_save")).singleElement()
			.satisfies((event) -> assertThat(event.sender()).isEqualTo(FeaturedPost.class));
		assertThat(this.receivers.postOnly).isEmpty();
		this.posts.save(new Post("Plain"));
		assertThat(this.receivers.postOnly).containsExactly("Plain");
	}

	@Test
	void afterCommitPostSaveRunsOncePerEntityAfterCommitIncludingSavesFlushedAtCommit() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.persist(new Post("One"));
			this.entityManager.persist(new Post("Two"));
			assertThat(this.receivers.phases).isEmpty();
		});
		assertThat(this.receivers.phases).containsExactly("before commit One", "before commit Two",
				"after commit One created true in tx false", "after commit Two created true in tx false");
	}

	@Test
	void afterCommitPostSaveNeverRunsAfterRollback() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.persist(new Post("Rolled back"));
			this.entityManager.flush();
			status.setRollbackOnly();
		});
		assertThat(this.receivers.of("post_save")).hasSize(1);
		assertThat(this.receivers.phases).as("flushed, never committed: no commit phase ran").isEmpty();
	}

}
