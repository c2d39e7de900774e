package io.signalsforspring.signals.spring.framework;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.AuthSignals;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.RequestSignals;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small web application with Spring Security, Flyway and a Hikari pool, recording every
 * framework signal it receives.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class FrameworkTestApplication {

	final List<SignalEvent> events = new CopyOnWriteArrayList<>();

	List<SignalEvent> of(String name) {
		return this.events.stream().filter((event) -> event.signal().name().equals(name)).toList();
	}

	@Receiver({ RequestSignals.RequestStarted.class, RequestSignals.RequestFinished.class,
			RequestSignals.GotRequestException.class, AuthSignals.UserLoggedIn.class, AuthSignals.UserLoggedOut.class,
			AuthSignals.UserLoginFailed.class, ModelSignals.PreMigrate.class, ModelSignals.PostMigrate.class,
			DatabaseSignals.ConnectionCreated.class })
	void record(SignalEvent event) {
		this.events.add(event);
	}

	@Bean
	FlywayMigrationStrategy cleanThenMigrate() {
		return (flyway) -> {
			flyway.clean();
			flyway.migrate();
		};
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.logout(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("ada").password("{noop}secret").roles("USER").build());
	}

	@RestController
	static class Pages {

		@GetMapping("/hello")
		String hello() {
			return "hi";
		}

		@GetMapping("/missing")
		String missing() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such page");
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
