package io.signalsforspring.sample.blog;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import io.signalsforspring.sample.blog.post.PostRepository;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What real users send: requests racing for one slug, one new tag or one address, input
 * the form and the API must refuse alike, text outside ASCII. No request may end in a
 * 500; every refusal names the field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RobustnessTests {

	private static final int AT_ONCE = 12;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private PostRepository posts;

	@Autowired
	private GreenMail mailServer;

	@Autowired
	private ApplicationContext context;

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private MockHttpServletResponse createPost(String title, String tag) throws Exception {
		return this.mvc
			.perform(json(post("/api/posts"),
					"{\"title\":\"" + title + "\",\"content\":\"Body\",\"tags\":[\"" + tag + "\"]}")
				.with(httpBasic("demo", "demo")))
			.andReturn()
			.getResponse();
	}

	/** Run the same request on many threads released at the same instant. */
	private List<MockHttpServletResponse> atOnce(Callable<MockHttpServletResponse> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MockHttpServletResponse>> calls = new ArrayList<>();
			for (int i = 0; i < AT_ONCE; i++) {
				calls.add(threads.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> call : calls) {
				responses.add(call.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void postsWithOneTitleAndOneNewTagAtOnceAreAllCreatedWithDistinctSlugs() throws Exception {
		String title = "Race " + UUID.randomUUID().toString().substring(0, 8);
		String tag = "race-" + UUID.randomUUID().toString().substring(0, 8);
		List<MockHttpServletResponse> responses = atOnce(() -> createPost(title, tag));
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
		List<String> slugs = responses.stream().map((response) -> response.getHeader("Location")).toList();
		assertThat(slugs).doesNotHaveDuplicates();
		assertThat(this.posts.findAll()).filteredOn((post) -> post.getTitle().equals(title)).hasSize(AT_ONCE);
		assertThat(this.jdbc.queryForObject("select count(*) from tag where name = ?", Integer.class, tag)).isOne();
	}

	@Test
	void oneDraftPublishedByManyRequestsAtOnceIsEmailedOnce() throws Exception {
		String title = "Published at once " + UUID.randomUUID().toString().substring(0, 8);
		String body = "{\"title\":\"" + title + "\",\"content\":\"Body\",\"status\":\"%s\"}";
		String location = this.mvc
			.perform(json(post("/api/posts"), body.formatted("DRAFT")).with(httpBasic("demo", "demo")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		List<MockHttpServletResponse> responses = atOnce(() -> this.mvc
			.perform(json(put(URI.create(location).getPath()), body.formatted("PUBLISHED"))
				.with(httpBasic("demo", "demo")))
			.andReturn()
			.getResponse());
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).contains(200).doesNotContain(500);
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(20));
		Mailbox mailbox = new Mailbox(this.mailServer);
		assertThat(mailbox.mentioning("New post: " + title)).extracting(Mailbox.Email::to)
			.containsOnlyOnce("reader@example.com");
		assertThat(mailbox.mentioning(title)).filteredOn((mail) -> mail.subject().equals("Your post is published"))
			.hasSize(1);
	}

	@Test
	void oneAddressSubscribedAtOnceIsSubscribedOnceAndAskedToConfirmOnce() throws Exception {
		String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		List<MockHttpServletResponse> responses = atOnce(
				() -> this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"" + email + "\"}"))
					.andReturn()
					.getResponse());
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsOnly(202);
		assertThat(this.jdbc.queryForObject("select count(*) from subscriber where email = ?", Integer.class, email))
			.isOne();
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(20));
		assertThat(new Mailbox(this.mailServer).mentioning("Confirm your subscription"))
			.filteredOn((mail) -> mail.to().equals(email))
			.hasSize(1);
	}

	@Test
	void oneUserNameRegisteredAtOnceIsRegisteredOnceAndTheOthersAreToldItIsTaken() throws Exception {
		String username = "racer-" + UUID.randomUUID().toString().substring(0, 8);
		List<MockHttpServletResponse> responses = atOnce(() -> this.mvc
			.perform(post("/register").with(csrf())
				.param("username", username)
				.param("password", "secret")
				.param("email", username + "@example.com"))
			.andReturn()
			.getResponse());
		assertThat(responses).filteredOn((response) -> response.getStatus() == 302).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.getStatus() != 302)
			.hasSize(AT_ONCE - 1)
			.allSatisfy((response) -> {
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getContentAsString()).contains("This user name is taken");
			});
		assertThat(this.jdbc.queryForObject("select count(*) from author where username = ?", Integer.class, username))
			.isOne();
	}

	@Test
	void formRefusesWhatTheApiRefusesWithAMessageNextToTheField() throws Exception {
		String elevenTags = "a b c d e f g h i j k";
		String longTag = "x".repeat(31);
		this.mvc
			.perform(post("/posts").with(user("demo"))
				.with(csrf())
				.param("title", "Tagged")
				.param("content", "Body")
				.param("tags", elevenTags))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use at most 10 tags")));
		this.mvc
			.perform(post("/posts").with(user("demo"))
				.with(csrf())
				.param("title", "Tagged")
				.param("content", "Body")
				.param("tags", "ok, " + longTag))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tags are 1 to 30 letters, digits or dashes")));
		this.mvc
			.perform(json(post("/api/posts"),
					"{\"title\":\"Tagged\",\"content\":\"Body\",\"tags\":[\"" + longTag + "\"]}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].message", hasItem("Tags are 1 to 30 letters, digits or dashes")));
		assertThat(this.posts.findAll()).extracting((post) -> post.getTitle()).doesNotContain("Tagged");
	}

	@Test
	void controlCharactersInTheTitleAreRefusedByTheFormAndTheApi() throws Exception {
		for (String title : List.of("Line\nbreak", "Carriage\rreturn", "Nul\u0000byte")) {
			this.mvc
				.perform(post("/posts").with(user("demo")).with(csrf()).param("title", title).param("content", "Body"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Write the title on one line, without control characters")));
		}
		this.mvc
			.perform(json(post("/api/posts"), "{\"title\":\"Nul\\u0000byte\",\"content\":\"Body\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		this.mvc
			.perform(json(post("/api/posts"), "{\"title\":\"Fine\",\"content\":\"Nul\\u0000byte\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("content"));
	}

	@Test
	void aNumberWhereTheApiExpectsTextIsRefusedNamingTheField() throws Exception {
		this.mvc
			.perform(json(post("/api/posts"), "{\"title\":123,\"content\":\"Body\"}").with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("title"));
	}

	@Test
	void aHugeTitleIsRefusedWithoutBeingEchoedWhole() throws Exception {
		String huge = "t".repeat(1_000_000);
		String page = this.mvc
			.perform(post("/posts").with(user("demo")).with(csrf()).param("title", huge).param("content", "Body"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Keep the title to 200 characters");
		assertThat(page.length()).isLessThan(20_000);
	}

	@Test
	void nonLatinTitlesGetSlugsOfTheirOwnLetters() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		MockHttpServletResponse japanese = createPost("日本語の投稿 " + suffix, "日本");
		assertThat(japanese.getStatus()).isEqualTo(201);
		assertThat(URI.create(japanese.getHeader("Location")).getPath()).endsWith("/日本語の投稿-" + suffix);
		MockHttpServletResponse danish = createPost("Smørrebrød " + suffix, "mad");
		assertThat(URI.create(danish.getHeader("Location")).getPath()).endsWith("/smørrebrød-" + suffix);
		this.mvc.perform(get("/api/posts/{slug}", "smørrebrød-" + suffix))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Smørrebrød " + suffix));
	}

	@Test
	void mailboxShowsNonAsciiSubjectsAndBodiesDecoded() throws Exception {
		String title = "Grüße aus Köln " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(createPost(title, "reise").getStatus()).isEqualTo(201);
		new Mailbox(this.mailServer).awaitMentioning(title, 1);
		this.mvc.perform(get("/mailbox").with(user("demo").roles("AUTHOR", "ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(not(containsString("=C3"))));
	}

	@Test
	void signedInAuthorsAreNotOfferedToRegisterOrSignIn() throws Exception {
		this.mvc.perform(get("/login").with(user("demo"))).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/register").with(user("demo"))).andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/").with(user("demo")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Register"))));
		this.mvc.perform(get("/login")).andExpect(content().string(containsString("Register")));
	}

}
