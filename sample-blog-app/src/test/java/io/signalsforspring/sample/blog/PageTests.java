package io.signalsforspring.sample.blog;

import io.signalsforspring.sample.blog.post.PostRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages: sign-in, validation errors next to their fields, CSRF on every form, the 404
 * page.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PostRepository posts;

	@Test
	void loginPageShowsTheDemoAccount() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("user name <code>demo</code>, password <code>demo</code>")));
	}

	@Test
	void writingNeedsSigningIn() throws Exception {
		this.mvc.perform(get("/posts/new")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void emptyFormShowsErrorsNextToTheFieldsAndSavesNothing() throws Exception {
		long before = this.posts.count();
		this.mvc.perform(post("/posts").param("title", "").param("content", "").with(user("demo")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p class=\"error\">Give the post a title</p>")))
			.andExpect(content().string(containsString("<p class=\"error\">Write something</p>")));
		assertThat(this.posts.count()).isEqualTo(before);
	}

	@Test
	void formWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/posts").param("title", "t").param("content", "c").with(user("demo")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/subscribe").param("email", "x@example.com")).andExpect(status().isForbidden());
	}

	@Test
	void formsCarryTheCsrfToken() throws Exception {
		this.mvc.perform(get("/subscribe")).andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void validFormCreatesThePostAndRedirectsToIt() throws Exception {
		this.mvc
			.perform(post("/posts").param("title", "From the form")
				.param("content", "Hello")
				.param("tags", "a b")
				.param("status", "PUBLISHED")
				.with(user("demo"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/posts/from-the-form*"));
	}

	@Test
	void invalidSubscriptionEmailShowsTheFieldError() throws Exception {
		this.mvc.perform(post("/subscribe").param("email", "nope").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is not an email address")));
	}

	@Test
	void unknownSlugShowsTheNotFoundPage() throws Exception {
		this.mvc.perform(get("/posts/no-such-post"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no such page")));
	}

}
