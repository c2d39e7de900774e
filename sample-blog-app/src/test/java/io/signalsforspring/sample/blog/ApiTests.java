package io.signalsforspring.sample.blog;

import java.util.UUID;

import io.signalsforspring.sample.blog.author.AuthorService;
import io.signalsforspring.sample.blog.post.PostRepository;
import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.test.CaptureSignals;
import io.signalsforspring.signals.test.CapturedSignals;
import io.signalsforspring.signals.test.SignalsAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every status of the JSON API, with RFC 9457 problem details for errors; bad input saves
 * nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@CaptureSignals
class ApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PostRepository posts;

	@Autowired
	private AuthorService authors;

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private String createPost(String title) throws Exception {
		String location = this.mvc
			.perform(json(post("/api/posts"), "{\"title\":\"" + title + "\",\"content\":\"Body\",\"tags\":[\"api\"]}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	@Test
	void createReturns201WithLocationAndThePost() throws Exception {
		this.mvc
			.perform(json(post("/api/posts"), "{\"title\":\"Created by API\",\"content\":\"Body\",\"tags\":[\"Java\"]}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/posts/created-by-api")))
			.andExpect(jsonPath("$.title").value("Created by API"))
			.andExpect(jsonPath("$.author").value("demo"))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.tags[0]").value("java"));
	}

	@Test
	void listAndGetReturn200() throws Exception {
		String slug = createPost("Listed " + UUID.randomUUID());
		this.mvc.perform(get("/api/posts")).andExpect(status().isOk()).andExpect(jsonPath("$[*].slug", hasItem(slug)));
		this.mvc.perform(get("/api/posts/" + slug))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.slug").value(slug));
	}

	@Test
	void updateReturns200AndDeleteReturns204() throws Exception {
		String slug = createPost("Short " + UUID.randomUUID());
		this.mvc
			.perform(json(put("/api/posts/" + slug), "{\"title\":\"Longer\",\"content\":\"More\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Longer"))
			.andExpect(jsonPath("$.slug").value(slug));
		this.mvc.perform(delete("/api/posts/" + slug).with(httpBasic("demo", "demo")))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/posts/" + slug)).andExpect(status().isNotFound());
	}

	@Test
	void emptyTitleAndContentAre400WithFieldErrorsAndSaveAndSendNothing(CapturedSignals sent) throws Exception {
		long before = this.posts.count();
		this.mvc.perform(json(post("/api/posts"), "{\"title\":\" \",\"content\":\"\"}").with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Give the post a title"))
			.andExpect(jsonPath("$.errors[?(@.field == 'content')].message").value("Write something"));
		assertThat(this.posts.count()).isEqualTo(before);
		SignalsAssertions.assertThat(sent).sent(PostSave.class).never();
	}

	@Test
	void oversizedTitleAndBadTagAre400AndSendNothing(CapturedSignals sent) throws Exception {
		String longTitle = "x".repeat(201);
		this.mvc
			.perform(json(post("/api/posts"),
					"{\"title\":\"" + longTitle + "\",\"content\":\"ok\",\"tags\":[\"no spaces\"]}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].message").value("Keep the title to 200 characters"))
			.andExpect(jsonPath("$.errors[?(@.field == 'tags[0]')].message")
				.value("Tags are 1 to 30 letters, digits or dashes"));
		SignalsAssertions.assertThat(sent).sent(PostSave.class).never();
	}

	@Test
	void malformedJsonIs400ProblemDetailAndSendsNothing(CapturedSignals sent) throws Exception {
		this.mvc.perform(json(post("/api/posts"), "{\"title\": ").with(httpBasic("demo", "demo")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		SignalsAssertions.assertThat(sent).sent(PostSave.class).never();
	}

	@Test
	void writingWithoutCredentialsIs401ProblemDetail() throws Exception {
		this.mvc.perform(json(post("/api/posts"), "{\"title\":\"t\",\"content\":\"c\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401));
		this.mvc
			.perform(json(post("/api/posts"), "{\"title\":\"t\",\"content\":\"c\"}").with(httpBasic("demo", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void editingAnotherAuthorsPostIs403AndChangesNothing(CapturedSignals sent) throws Exception {
		String slug = createPost("Demo's own " + UUID.randomUUID());
		String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
		this.authors.register(other, "secret", other + "@example.com");
		sent.clear();
		this.mvc
			.perform(json(put("/api/posts/" + slug), "{\"title\":\"Hijacked\",\"content\":\"x\"}")
				.with(httpBasic(other, "secret")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Post '" + slug + "' belongs to another author"));
		this.mvc.perform(delete("/api/posts/" + slug).with(httpBasic(other, "secret")))
			.andExpect(status().isForbidden());
		assertThat(this.posts.findBySlug(slug))
			.hasValueSatisfying((p) -> assertThat(p.getTitle()).startsWith("Demo's own"));
	}

	@Test
	void unknownSlugIs404ProblemDetail() throws Exception {
		this.mvc.perform(get("/api/posts/no-such-post"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No post 'no-such-post'"));
	}

	@Test
	void subscribingIsAcceptedTheSameWayForANewAndAKnownAddress() throws Exception {
		String email = "sub-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String first = this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"" + email + "\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.email").value(email))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String again = this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"" + email + "\"}"))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).isEqualTo(first);
	}

	@Test
	void invalidEmailIs400WithAFieldErrorAndSendsNothing(CapturedSignals sent) throws Exception {
		this.mvc.perform(json(post("/api/subscribers"), "{\"email\":\"not-an-address\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"))
			.andExpect(jsonPath("$.errors[0].message").value("This is not an email address"));
		SignalsAssertions.assertThat(sent).sent(PostSave.class).never();
	}

}
