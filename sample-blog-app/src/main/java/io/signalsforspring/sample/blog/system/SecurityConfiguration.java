package io.signalsforspring.sample.blog.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages use form login with CSRF protection; the JSON API and the actuator endpoints use
 * HTTP Basic, without CSRF, and answer 401 and 403 as problem details. Two roles: every
 * author has {@code AUTHOR}; administrators (the demo data's {@code demo}) also have
 * {@code ADMIN}, which the mailbox and the actuator endpoints (but health) need. The
 * unsubscribe links take a POST without CSRF token, as RFC 8058's one-click unsubscribe
 * sends it: the secret token in the link is what protects them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Actuator endpoints, for operations tools: HTTP Basic as an administrator (a
	 * signed-in administrator's browser session works too), 401 and 403 as problem
	 * details, no session created; health is public.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuator(HttpSecurity http, JsonMapper json) throws Exception {
		return http.securityMatcher("/actuator/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health/**", "/actuator/health")
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicProblem(json)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler((request, response, ex) -> problem(json,
					response, HttpStatus.FORBIDDEN, "Only an administrator may use this endpoint")))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, "/api/posts/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/subscribers")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(basicProblem(json)))
			.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(
					(request, response, ex) -> problem(json, response, HttpStatus.FORBIDDEN, ex.getMessage())))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/mailbox")
				.hasRole("ADMIN")
				.requestMatchers("/posts/new", "/posts/*/edit", "/posts/*/delete")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/posts", "/posts/*")
				.authenticated()
				.anyRequest()
				.permitAll())
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/unsubscribe/*"))
			.formLogin((form) -> form.loginPage("/login").permitAll())
			// scripts (the CI smoke test) read the mailbox with HTTP Basic; whoever is
			// not
			// signed in is still sent to the login page
			.httpBasic(Customizer.withDefaults())
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
			.logout(Customizer.withDefaults())
			.build();
	}

	/** 401 with a Basic challenge, as a problem detail. */
	private static AuthenticationEntryPoint basicProblem(JsonMapper json) {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"blog\"");
			problem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic");
		};
	}

	private static void problem(JsonMapper json, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
			String detail) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}

}
