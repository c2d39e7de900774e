package io.signalsforspring.sample.blog;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The newsletter as a subscriber and a stranger meet it, over HTTP against the real SMTP
 * server: only what becomes public is emailed, once per post, and only to addresses whose
 * owner confirmed them; every post email can be unsubscribed from in one click (RFC
 * 8058).
 */
@SpringBootTest
@AutoConfigureMockMvc
class NewsletterTests {

	private static final Pattern LINK = Pattern.compile("http://localhost:8080(/\\S+)");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private GreenMail smtp;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApplicationContext context;

	private Mailbox mailbox;

	@BeforeEach
	void mailbox() {
		this.mailbox = new Mailbox(this.smtp);
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String write(String title, String status) throws Exception {
		String location = this.mvc
			.perform(json(post("/api/posts"),
					"{\"title\":\"" + title + "\",\"content\":\"Body\",\"status\":\"" + status + "\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return URI.create(location).getPath();
	}

	private void change(String path, String title, String status) throws Exception {
		this.mvc
			.perform(json(put(path), "{\"title\":\"" + title + "\",\"content\":\"Body\",\"status\":\"" + status + "\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isOk());
	}

	/** Wait until every delivery so far is done: what was to be emailed is out. */
	private void awaitDeliveries() {
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(20));
	}

	private Mailbox.Email await(String text, String to) {
		return this.mailbox.awaitMentioning(text, to);
	}

	/** The emails about a post to anyone but its author (demo). */
	private List<Mailbox.Email> postEmails(String title) {
		return this.mailbox.mentioning(title)
			.stream()
			.filter((email) -> !email.to().equals("demo@example.com"))
			.toList();
	}

	private String subscribe(String email) throws Exception {
		this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"" + email + "\"}"))
			.andExpect(status().isAccepted());
		return email;
	}

	private static String link(Mailbox.Email email, String pathPrefix) {
		Matcher matcher = LINK.matcher(email.body());
		while (matcher.find()) {
			if (matcher.group(1).startsWith(pathPrefix)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no link to " + pathPrefix + " in " + email.body());
	}

	private String subscribeAndConfirm(String email) throws Exception {
		subscribe(email);
		String confirm = link(await("Confirm your subscription", email), "/subscribe/confirm/");
		this.mvc.perform(post(confirm).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are subscribed")));
		return email;
	}

	@Test
	void aDraftIsNeverEmailedToSubscribers() throws Exception {
		String title = unique("Secret unreleased plan");
		String path = write(title, "DRAFT");
		change(path, title + " v2", "DRAFT");
		awaitDeliveries();
		assertThat(postEmails(title)).as("emails about the draft").isEmpty();
	}

	@Test
	void aDraftPublishedLaterIsEmailedOnceEvenWhenPublishedAgain() throws Exception {
		String title = unique("Draft going public");
		String path = write(title, "DRAFT");
		change(path, title, "PUBLISHED");
		assertThat(await(title, "reader@example.com").subject()).isEqualTo("New post: " + title);
		change(path, title, "DRAFT");
		change(path, title, "PUBLISHED");
		awaitDeliveries();
		assertThat(postEmails(title)).extracting(Mailbox.Email::to).containsOnlyOnce("reader@example.com");
	}

	@Test
	void aPostCreatedPublishedIsEmailedOnceAndAnEditIsNot() throws Exception {
		String title = unique("Straight out");
		String path = write(title, "PUBLISHED");
		await(title, "reader@example.com");
		change(path, title, "PUBLISHED");
		awaitDeliveries();
		assertThat(postEmails(title)).extracting(Mailbox.Email::to).containsOnlyOnce("reader@example.com");
	}

	@Test
	void subscribingSendsAConfirmationLinkAndOnlyAConfirmedAddressGetsPosts() throws Exception {
		String email = subscribe(unique("fan").replace(' ', '-') + "@example.com");
		Mailbox.Email confirmation = await("Confirm your subscription", email);
		String confirm = link(confirmation, "/subscribe/confirm/");

		String beforeConfirming = unique("Before confirming");
		write(beforeConfirming, "PUBLISHED");
		await(beforeConfirming, "reader@example.com");
		assertThat(postEmails(beforeConfirming)).extracting(Mailbox.Email::to).doesNotContain(email);

		this.mvc.perform(get(confirm))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		awaitDeliveries();
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber where email = ? and confirmed_at is null",
				Integer.class, email))
			.as("opening the link (as mail scanners do) does not confirm")
			.isOne();

		this.mvc.perform(post(confirm).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are subscribed")));
		String afterConfirming = unique("After confirming");
		write(afterConfirming, "PUBLISHED");
		assertThat(await(afterConfirming, email).subject()).isEqualTo("New post: " + afterConfirming);
	}

	@Test
	void anUnknownConfirmationLinkConfirmsNothing() throws Exception {
		this.mvc.perform(post("/subscribe/confirm/not-a-token").with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("no longer valid")));
	}

	@Test
	void subscribingAgainNeitherDuplicatesNorTellsWhetherTheAddressIsSubscribed() throws Exception {
		String email = subscribeAndConfirm(unique("again").replace(' ', '-') + "@example.com");
		this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"" + email.toUpperCase() + "\"}"))
			.andExpect(status().isAccepted());
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber where email = ?", Integer.class, email))
			.isOne();
		awaitDeliveries();
		assertThat(this.mailbox.mentioning("Confirm your subscription")).filteredOn((mail) -> mail.to().equals(email))
			.as("a confirmed address is not asked again")
			.hasSize(1);
	}

	@Test
	void everyPostEmailUnsubscribesInOneClickWithoutASessionOrToken() throws Exception {
		String email = subscribeAndConfirm(unique("leaver").replace(' ', '-') + "@example.com");
		String title = unique("Last one for me");
		write(title, "PUBLISHED");
		Mailbox.Email post = await(title, email);
		assertThat(post.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		String header = post.header("List-Unsubscribe");
		assertThat(header).startsWith("<http://localhost:8080/unsubscribe/").endsWith(">");
		String unsubscribe = URI.create(header.substring(1, header.length() - 1)).getPath();
		assertThat(link(post, "/unsubscribe/")).as("the link in the text").isEqualTo(unsubscribe);

		// RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie
		// and
		// no CSRF token
		this.mvc
			.perform(post(unsubscribe).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber where email = ?", Integer.class, email))
			.isZero();

		String after = unique("After leaving");
		write(after, "PUBLISHED");
		await(after, "reader@example.com");
		assertThat(postEmails(after)).extracting(Mailbox.Email::to).doesNotContain(email);
		this.mvc.perform(post(unsubscribe)).andExpect(status().isOk());
	}

	@Test
	void theUnsubscribeLinkOpensAPageThatDoesNotUnsubscribeOnItsOwn() throws Exception {
		String email = subscribeAndConfirm(unique("reader").replace(' ', '-') + "@example.com");
		String title = unique("Read in a browser");
		write(title, "PUBLISHED");
		String unsubscribe = link(await(title, email), "/unsubscribe/");
		this.mvc.perform(get(unsubscribe))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(email)))
			.andExpect(content().string(containsString("Unsubscribe")));
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber where email = ?", Integer.class, email))
			.isOne();
	}

}
