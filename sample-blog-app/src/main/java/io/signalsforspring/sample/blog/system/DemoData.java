package io.signalsforspring.sample.blog.system;

import io.signalsforspring.sample.blog.author.AuthorRepository;
import io.signalsforspring.sample.blog.author.AuthorService;
import io.signalsforspring.sample.blog.subscription.SubscriptionService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo data of the {@code demo} profile (active unless another profile is chosen):
 * the author {@code demo} (password {@code demo}, shown on the login page), who is the
 * administrator, and one confirmed subscriber, {@code reader@example.com}.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

	static final String READER = "reader@example.com";

	private final AuthorService authorService;

	private final AuthorRepository authors;

	private final SubscriptionService subscriptions;

	DemoData(AuthorService authorService, AuthorRepository authors, SubscriptionService subscriptions) {
		this.authorService = authorService;
		this.authors = authors;
		this.subscriptions = subscriptions;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.authors.existsByUsername("demo")) {
			this.authorService.register("demo", "demo", "demo@example.com");
		}
		this.authorService.makeAdministrator("demo");
		this.subscriptions.addConfirmed(READER);
	}

}
