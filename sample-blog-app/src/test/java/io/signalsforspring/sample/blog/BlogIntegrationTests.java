package io.signalsforspring.sample.blog;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import io.signalsforspring.sample.blog.author.AuthorRepository;
import io.signalsforspring.sample.blog.author.AuthorService;
import io.signalsforspring.sample.blog.author.ProfileRepository;
import io.signalsforspring.sample.blog.post.CommentRepository;
import io.signalsforspring.sample.blog.post.Post;
import io.signalsforspring.sample.blog.post.PostContent;
import io.signalsforspring.sample.blog.post.PostRepository;
import io.signalsforspring.sample.blog.post.PostService;
import io.signalsforspring.sample.blog.post.PostStatus;
import io.signalsforspring.sample.blog.post.TagRepository;
import io.signalsforspring.sample.blog.subscription.Subscriber;
import io.signalsforspring.sample.blog.subscription.SubscriberRepository;
import io.signalsforspring.sample.blog.subscription.SubscriptionService;
import io.signalsforspring.sample.blog.post.PostPublished;
import io.signalsforspring.signals.ModelSignals.M2mChanged;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.test.CaptureSignals;
import io.signalsforspring.signals.test.CapturedSignals;
import io.signalsforspring.signals.test.MuteSignals;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's receivers against a real database and a real SMTP server (the embedded
 * GreenMail): what each signal does, and what it must not do.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CaptureSignals
class BlogIntegrationTests {

	@Autowired
	private PostService posts;

	@Autowired
	private PostRepository postRepository;

	@Autowired
	private CommentRepository comments;

	@Autowired
	private TagRepository tags;

	@Autowired
	private SubscriptionService subscriptions;

	@Autowired
	private SubscriberRepository subscribers;

	@Autowired
	private AuthorService authors;

	@Autowired
	private ProfileRepository profiles;

	@Autowired
	private AuthorRepository authorRepository;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private GreenMail smtp;

	@Autowired
	private org.springframework.context.ApplicationContext context;

	private Mailbox mailbox;

	@BeforeEach
	void mailbox() {
		this.mailbox = new Mailbox(this.smtp);
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private Post write(String title, PostStatus status, String... tagNames) {
		return this.posts.create("demo", new PostContent(title, "Text of " + title, List.of(tagNames), status));
	}

	@Autowired
	private javax.sql.DataSource dataSource;

	@Test
	void runsOnTheDatabaseTheBuildAskedFor() throws Exception {
		try (java.sql.Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName())
				.isEqualToIgnoringCase(System.getProperty("signals.test.database", "h2"));
		}
	}

	@Test
	void newPostIsEmailedToEveryConfirmedSubscriberOnce() {
		this.subscriptions.addConfirmed(unique("fan").replace(' ', '-') + "@example.com");
		String pending = unique("pending").replace(' ', '-') + "@example.com";
		this.subscriptions.subscribe(pending);
		Set<String> everyone = this.subscribers.findByConfirmedAtIsNotNullOrderById()
			.stream()
			.map(Subscriber::getEmail)
			.collect(Collectors.toSet());
		assertThat(everyone).doesNotContain(pending);
		String title = unique("Signals in Spring");
		Post post = write(title, PostStatus.PUBLISHED);
		List<Mailbox.Email> emails = this.mailbox.awaitMentioning(title, everyone.size());
		assertThat(emails).extracting(Mailbox.Email::to).containsExactlyInAnyOrderElementsOf(everyone);
		assertThat(emails).allSatisfy((email) -> {
			assertThat(email.subject()).isEqualTo("New post: " + title);
			assertThat(email.body()).contains("\"" + title + "\"")
				.contains("http://localhost:8080/posts/" + post.getSlug());
		});
	}

	@Test
	void creatingAPostSendsPostSaveOnceAndItsReceiversFinish(CapturedSignals sent) {
		String title = unique("Captured");
		write(title, PostStatus.PUBLISHED, "captured");
		assertThat(sent).sent(PostSave.class).from(Post.class).with("created", true).once();
		assertThat(sent).sent(M2mChanged.class).from(Post.class).with("action", "post_add").once();
		assertThat(sent).sent(PostPublished.class).with("created", true).once();
		SignalsTesting.awaitReceivers(this.context, java.time.Duration.ofSeconds(20));
		assertThat(this.mailbox.mentioning(title)).as("the durable delivery is done").isNotEmpty();
	}

	@Test
	@MuteSignals({ PostSave.class, PostPublished.class })
	void withPostSaveAndPostPublishedMutedAPostIsSavedWithoutTheirReceivers(CapturedSignals sent) {
		String title = unique("Muted");
		Post post = write(title, PostStatus.PUBLISHED);
		SignalsTesting.awaitReceivers(this.context, java.time.Duration.ofSeconds(20));
		assertThat(sent).sent(PostSave.class).never();
		assertThat(sent).sent(PostPublished.class).never();
		assertThat(post.getSlug()).as("pre_save still ran").startsWith("muted-");
		assertThat(this.postRepository.findBySlug(post.getSlug())).isPresent();
		assertThat(this.mailbox.mentioning(title)).isEmpty();
	}

	@Test
	void updatingAPostSendsNoEmail() {
		String title = unique("Draft one");
		Post post = write(title, PostStatus.PUBLISHED);
		this.mailbox.awaitMentioning(title, 1);
		String updated = unique("Updated title");
		this.posts.update(post.getSlug(), "demo",
				new PostContent(updated, "new text", List.of(), PostStatus.PUBLISHED));
		String sentinel = unique("Sentinel");
		write(sentinel, PostStatus.PUBLISHED);
		this.mailbox.awaitMentioning(sentinel, 1);
		assertThat(this.mailbox.mentioning(updated)).as("the update was never emailed").isEmpty();
	}

	@Test
	void postWhoseTransactionRollsBackIsNeverEmailed() {
		String title = unique("Rolled back");
		this.transactions.executeWithoutResult((status) -> {
			write(title, PostStatus.PUBLISHED);
			status.setRollbackOnly();
		});
		String sentinel = unique("After the rollback");
		write(sentinel, PostStatus.PUBLISHED);
		this.mailbox.awaitMentioning(sentinel, 1);
		assertThat(this.mailbox.mentioning(title)).isEmpty();
		assertThat(this.postRepository.findAll()).extracting(Post::getTitle).doesNotContain(title);
	}

	@Test
	void preSaveFillsAUniqueSlugFromTheTitle() {
		String title = unique("Héllo, Wörld!");
		Post first = write(title, PostStatus.PUBLISHED);
		Post second = write(title, PostStatus.PUBLISHED);
		String expected = title.toLowerCase().replace(", ", "-").replace(" ", "-").replace("!", "");
		assertThat(first.getSlug()).isEqualTo(expected);
		assertThat(second.getSlug()).isEqualTo(expected + "-2");
	}

	@Test
	void registeringAnAuthorCreatesTheirProfile() {
		String username = "author-" + UUID.randomUUID().toString().substring(0, 8);
		this.authors.register(username, "secret", username + "@example.com");
		assertThat(this.profiles.findByAuthorUsername(username))
			.hasValueSatisfying((profile) -> assertThat(profile.getDisplayName()).isEqualTo(username));
	}

	@Test
	void commentIsEmailedToThePostsAuthor() {
		Post post = write(unique("Commented"), PostStatus.PUBLISHED);
		String text = unique("Great post");
		this.posts.comment(post.getSlug(), "Ada", text);
		assertThat(this.mailbox.awaitMentioning(text, 1)).singleElement().satisfies((email) -> {
			assertThat(email.to()).isEqualTo("demo@example.com");
			assertThat(email.subject()).isEqualTo("New comment from Ada");
		});
	}

	@Test
	void publishingADraftSendsPostPublishedToTheAuthor() {
		String title = unique("Quiet draft");
		Post draft = write(title, PostStatus.DRAFT);
		this.posts.update(draft.getSlug(), "demo", new PostContent(title, "done", List.of(), PostStatus.PUBLISHED));
		List<Mailbox.Email> emails = this.mailbox.awaitMentioning("is live at", 1);
		assertThat(emails).filteredOn((email) -> email.body().contains(title)).singleElement().satisfies((email) -> {
			assertThat(email.to()).isEqualTo("demo@example.com");
			assertThat(email.subject()).isEqualTo("Your post is published");
		});
	}

	@Test
	void tagCountsFollowTheManyToManyChanges() {
		String tag = "t" + UUID.randomUUID().toString().substring(0, 8);
		Post first = write(unique("Tagged one"), PostStatus.PUBLISHED, tag);
		write(unique("Tagged two"), PostStatus.PUBLISHED, tag);
		assertThat(this.tags.findByName(tag)).hasValueSatisfying((t) -> assertThat(t.getPostCount()).isEqualTo(2));
		this.posts.update(first.getSlug(), "demo",
				new PostContent(first.getTitle(), "untagged", List.of(), PostStatus.PUBLISHED));
		assertThat(this.tags.findByName(tag)).hasValueSatisfying((t) -> assertThat(t.getPostCount()).isEqualTo(1));
	}

	@Test
	void deletingAPostRemovesItsCommentsAndUpdatesTagCounts() {
		String tag = "d" + UUID.randomUUID().toString().substring(0, 8);
		Post post = write(unique("Short-lived"), PostStatus.PUBLISHED, tag);
		this.posts.comment(post.getSlug(), "Ada", "first!");
		this.posts.comment(post.getSlug(), "Bob", "second!");
		assertThat(this.comments.findByPostIdOrderByCreatedAt(post.getId())).hasSize(2);
		this.posts.delete(post.getSlug(), "demo");
		assertThat(this.comments.findByPostIdOrderByCreatedAt(post.getId())).isEmpty();
		assertThat(this.tags.findByName(tag)).hasValueSatisfying((t) -> assertThat(t.getPostCount()).isZero());
	}

	@Test
	void demoDataHasTheDemoAdministratorAndOneConfirmedSubscriber() {
		assertThat(this.profiles.findByAuthorUsername("demo")).isPresent();
		assertThat(this.authorRepository.findByUsername("demo"))
			.hasValueSatisfying((demo) -> assertThat(demo.isAdministrator()).isTrue());
		assertThat(this.subscribers.findByEmailIgnoreCase("reader@example.com"))
			.hasValueSatisfying((reader) -> assertThat(reader.isConfirmed()).isTrue());
	}

}
