package io.signalsforspring.signals.spring.framework;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.security.AuthenticationSignals;
import io.signalsforspring.signals.spring.web.RequestSignalsFilter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.filter.OrderedCharacterEncodingFilter;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.User;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Request, authentication, migration and connection signals in a running application: a
 * servlet application driven by MockMvc through Spring Security, with Flyway and a Hikari
 * pool on the test database.
 */
@SpringBootTest(classes = FrameworkTestApplication.class,
		properties = { "spring.flyway.enabled=true", "spring.flyway.locations=classpath:db/framework",
				"spring.flyway.schemas=signals_framework", "spring.flyway.default-schema=signals_framework",
				"spring.flyway.clean-disabled=false", "spring.datasource.hikari.minimum-idle=1",
				"spring.datasource.hikari.maximum-pool-size=3" })
@AutoConfigureMockMvc
class FrameworkSignalsIntegrationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FrameworkTestApplication application;

	@Autowired
	private HikariDataSource dataSource;

	@BeforeEach
	void clear() {
		this.application.events.removeIf((event) -> !event.signal().name().endsWith("_migrate"));
	}

	@Test
	void requestSendsRequestStartedAndRequestFinished() throws Exception {
		this.mvc.perform(get("/hello")).andExpect(status().isOk());
		List<SignalEvent> requests = this.application.events.stream()
			.filter((event) -> event.signal().name().startsWith("request_"))
			.toList();
		assertThat(requests).extracting((event) -> event.signal().name())
			.containsExactly("request_started", "request_finished");
		assertThat(requests).allSatisfy((event) -> {
			assertThat(event.sender()).isEqualTo(RequestSignalsFilter.class);
			assertThat(event.get("request", HttpServletRequest.class).getRequestURI()).isEqualTo("/hello");
		});
	}

	@Test
	void requestFilterRunsAfterBootsEncodingAndObservationFiltersAndBeforeSecurity(
			@Autowired ApplicationContext context) {
		int ours = context.getBean("requestSignalsFilter", FilterRegistrationBean.class).getOrder();
		assertThat(ours).isGreaterThan(Ordered.HIGHEST_PRECEDENCE + 1)
			.isLessThan(SecurityFilterProperties.DEFAULT_FILTER_ORDER);
		assertThat(ours).isGreaterThan(context.getBean(OrderedCharacterEncodingFilter.class).getOrder());
	}

	@Test
	void unhandledExceptionSendsGotRequestException() {
		assertThatExceptionOfType(ServletException.class).isThrownBy(() -> this.mvc.perform(get("/boom")));
		assertThat(this.application.of("got_request_exception")).singleElement().satisfies((event) -> {
			assertThat(event.get("exception", Throwable.class)).isInstanceOf(IllegalStateException.class)
				.hasMessage("boom");
			assertThat(event.get("request", HttpServletRequest.class).getRequestURI()).isEqualTo("/boom");
		});
		assertThat(this.application.of("request_finished")).hasSize(1);
	}

	@Test
	void handledClientErrorSendsNoRequestException() throws Exception {
		this.mvc.perform(get("/missing")).andExpect(status().isNotFound());
		this.mvc.perform(get("/no/such/path")).andExpect(status().isNotFound());
		assertThat(this.application.of("got_request_exception")).isEmpty();
		assertThat(this.application.of("request_finished")).hasSize(2);
	}

	@Test
	void formLoginSendsUserLoggedIn() throws Exception {
		this.mvc.perform(formLogin().user("ada").password("secret")).andExpect(status().is3xxRedirection());
		assertThat(this.application.of("user_logged_in")).singleElement().satisfies((event) -> {
			assertThat(event.sender()).isEqualTo(User.class);
			assertThat(event.get("user", User.class).getUsername()).isEqualTo("ada");
			assertThat(event.get("request")).isInstanceOf(HttpServletRequest.class);
		});
		assertThat(this.application.of("user_login_failed")).isEmpty();
	}

	@Test
	void failedLoginSendsUserLoginFailedWithoutTheSecret() throws Exception {
		this.mvc.perform(formLogin().user("ada").password("wrong-secret")).andExpect(status().is3xxRedirection());
		assertThat(this.application.of("user_logged_in")).isEmpty();
		assertThat(this.application.of("user_login_failed")).singleElement().satisfies((event) -> {
			assertThat(event.get("credentials"))
				.isEqualTo(Map.of("username", "ada", "password", AuthenticationSignals.MASK));
			assertThat(event.arguments().toString()).doesNotContain("wrong-secret");
		});
	}

	@Test
	void logoutSendsUserLoggedOut() throws Exception {
		this.mvc.perform(post("/logout").with(user("ada")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.application.of("user_logged_out")).singleElement()
			.satisfies((event) -> assertThat(event.get("user", User.class).getUsername()).isEqualTo("ada"));
	}

	@Test
	void startUpMigrationSendsPreAndPostMigrateWithThePlanOnceReceiversAreConnected() {
		List<SignalEvent> migrations = this.application.events.stream()
			.filter((event) -> event.signal().name().endsWith("_migrate"))
			.toList();
		assertThat(migrations).extracting((event) -> event.signal().name() + " " + event.get("plan"))
			.containsExactly("pre_migrate [1 create notes]", "post_migrate [1 create notes]");
		assertThat(migrations).allSatisfy((event) -> {
			assertThat(event.sender()).isEqualTo(Flyway.class);
			assertThat(event.get("using", String.class)).startsWith("jdbc:");
		});
	}

	@Test
	void newPhysicalConnectionsSendConnectionCreatedAndPooledOnesDoNot() throws Exception {
		for (int i = 0; i < 20; i++) {
			try (Connection connection = this.dataSource.getConnection()) {
				assertThat(connection.isValid(1)).isTrue();
			}
		}
		int afterReuse = this.application.of("connection_created").size();
		assertThat(afterReuse).as("pooled connections are lent, not created").isLessThanOrEqualTo(3);
		this.dataSource.getHikariPoolMXBean().softEvictConnections();
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.application.of("connection_created").size() > afterReuse);
		assertThat(this.application.of("connection_created")).allSatisfy((event) -> {
			assertThat(event.sender()).isEqualTo(HikariDataSource.class);
			assertThat(event.get("using")).isEqualTo("dataSource");
			assertThat(event.get("connection")).isInstanceOf(Connection.class)
				.isNotInstanceOf(com.zaxxer.hikari.pool.ProxyConnection.class);
		});
	}

}
