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
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages use form login with CSRF protection; the JSON API uses HTTP Basic, without
 * sessions or CSRF, and answers 401 and 403 as problem details.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
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
			.httpBasic((basic) -> basic.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Basic realm=\"blog\"");
				problem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic as an author");
			}))
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
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/posts/new", "/posts/*/edit", "/posts/*/delete", "/actuator/signals")
				.authenticated()
				.requestMatchers(HttpMethod.POST, "/posts", "/posts/*")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout(Customizer.withDefaults())
			.build();
	}

	private static void problem(JsonMapper json, jakarta.servlet.http.HttpServletResponse response, HttpStatus status,
			String detail) throws java.io.IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}

}
