package io.signalsforspring.sample.blog.system;

import io.signalsforspring.sample.blog.author.AuthorRepository;
import io.signalsforspring.sample.blog.author.AuthorService;
import io.signalsforspring.sample.blog.subscription.SubscriberRepository;
import io.signalsforspring.sample.blog.subscription.SubscriptionService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The default profile's demo data, created once: the author {@code demo} (password
 * {@code demo}, shown on the login page) and one subscriber, {@code reader@example.com}.
 */
@Component
@Profile("default")
class DemoData implements ApplicationRunner {

	static final String READER = "reader@example.com";

	private final AuthorService authorService;

	private final AuthorRepository authors;

	private final SubscriptionService subscriptions;

	private final SubscriberRepository subscribers;

	DemoData(AuthorService authorService, AuthorRepository authors, SubscriptionService subscriptions,
			SubscriberRepository subscribers) {
		this.authorService = authorService;
		this.authors = authors;
		this.subscriptions = subscriptions;
		this.subscribers = subscribers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.authors.existsByUsername("demo")) {
			this.authorService.register("demo", "demo", "demo@example.com");
		}
		if (!this.subscribers.existsByEmailIgnoreCase(READER)) {
			this.subscriptions.subscribe(READER);
		}
	}

}
