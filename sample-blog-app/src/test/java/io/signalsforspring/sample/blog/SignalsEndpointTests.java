package io.signalsforspring.sample.blog;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /actuator/signals} answers "which receivers run when a post is saved?" for the
 * blog's administrators.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SignalsEndpointTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void endpointShowsTheBlogsReceiversToAdministrators() throws Exception {
		this.mvc.perform(get("/actuator/signals").with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signals[*].name", hasItem("post_published")))
			.andExpect(jsonPath("$.signals[?(@.name == 'post_published')].receivers[*].receiver",
					hasItem("postNotifications#emailSubscribers(Post, String)")))
			.andExpect(jsonPath(
					"$.signals[?(@.name == 'post_published')].receivers[?(@.method == 'emailSubscribers')].phase",
					hasItem("AFTER_COMMIT")))
			.andExpect(jsonPath(
					"$.signals[?(@.name == 'post_published')].receivers[?(@.method == 'emailSubscribers')].durable",
					hasItem(true)))
			.andExpect(jsonPath("$.signals[?(@.name == 'post_save')].receivers[?(@.method == 'askToConfirm')].sender",
					hasItem("io.signalsforspring.sample.blog.subscription.Subscriber")));
	}

	@Test
	void endpointAnswersOperationsToolsSigningInWithHttpBasic() throws Exception {
		this.mvc.perform(get("/actuator/signals").with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.signals[*].name", hasItem("post_save")));
	}

	@Test
	void endpointIsNotPublic() throws Exception {
		this.mvc.perform(get("/actuator/signals"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"blog\""))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/actuator/signals").with(httpBasic("demo", "wrong")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void pendingAndFailedEmailsAreListedToAdministratorsAndOnlyTheyMayRetryThem() throws Exception {
		this.mvc.perform(get("/actuator/signaldeliveries").with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.pending").isNumber())
			.andExpect(jsonPath("$.summary.failed").isNumber())
			.andExpect(jsonPath("$.receivers").isMap());
		this.mvc.perform(post("/actuator/signaldeliveries/some-delivery")).andExpect(status().isUnauthorized());
		this.mvc.perform(delete("/actuator/signaldeliveries/some-delivery")).andExpect(status().isUnauthorized());
		this.mvc.perform(post("/actuator/signaldeliveries/some-delivery").with(httpBasic("demo", "demo")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.error").value("no delivery some-delivery"));
	}

	@Test
	void broadcastsEndpointSaysThisSingleInstanceHasNoBroker() throws Exception {
		this.mvc.perform(get("/actuator/signals").with(httpBasic("demo", "demo")))
			.andExpect(jsonPath("$.signals[?(@.name == 'post_save')].receivers[?(@.method == 'evict')].cluster",
					hasItem("EVERY_INSTANCE")));
		this.mvc.perform(get("/actuator/signalbroadcasts").with(httpBasic("demo", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.broker").value("none"));
	}

	@Test
	void healthIsPublic() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

}
