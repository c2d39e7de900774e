package io.signalsforspring.sample.blog;

import java.util.UUID;

import io.signalsforspring.sample.blog.author.AuthorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What only an administrator may see or do: the mailbox of the embedded mail server
 * (every email, with subscribers' addresses and unpublished titles) and the delivery and
 * broadcast operations. The demo data's {@code demo} is an administrator; an author who
 * registered themselves is not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AdministratorTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuthorService authors;

	/** A fresh self-registered author, signed in with the login form; their session. */
	private MockHttpSession signedIn(String username, String password) throws Exception {
		return (MockHttpSession) this.mvc.perform(formLogin().user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String registeredAuthor() {
		String username = "self-" + UUID.randomUUID().toString().substring(0, 8);
		this.authors.register(username, "secret", username + "@example.com");
		return username;
	}

	@Test
	void theMailboxAsksAnonymousVisitorsToSignIn() throws Exception {
		this.mvc.perform(get("/mailbox")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theMailboxIsForbiddenToASelfRegisteredAuthor() throws Exception {
		MockHttpSession session = signedIn(registeredAuthor(), "secret");
		this.mvc.perform(get("/mailbox").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/mailbox"))));
	}

	@Test
	void theDemoAdministratorSeesTheMailbox() throws Exception {
		MockHttpSession session = signedIn("demo", "demo");
		this.mvc.perform(get("/mailbox").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/").session(session)).andExpect(content().string(containsString("/mailbox")));
	}

	@Test
	void aScriptReadsTheMailboxWithHttpBasicAsTheAdministratorOnly() throws Exception {
		this.mvc.perform(get("/mailbox").with(httpBasic("demo", "demo"))).andExpect(status().isOk());
		this.mvc.perform(get("/mailbox").with(httpBasic(registeredAuthor(), "secret")))
			.andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/signaldeliveries", "/actuator/signalbroadcasts" })
	void operationEndpointsAreForbiddenToASelfRegisteredAuthor(String endpoint) throws Exception {
		String author = registeredAuthor();
		this.mvc.perform(get(endpoint).with(httpBasic(author, "secret")))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get(endpoint).with(httpBasic("demo", "demo"))).andExpect(status().isOk());
	}

	@Test
	void aSelfRegisteredAuthorCannotRetryOrDiscardDeliveries() throws Exception {
		String author = registeredAuthor();
		this.mvc.perform(post("/actuator/signaldeliveries").with(httpBasic(author, "secret")))
			.andExpect(status().isForbidden());
		this.mvc.perform(delete("/actuator/signaldeliveries").with(httpBasic(author, "secret")))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/actuator/signaldeliveries/some-delivery").with(httpBasic(author, "secret")))
			.andExpect(status().isForbidden());
	}

}
