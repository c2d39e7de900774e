package io.signalsforspring.sample.blog.subscription;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API for subscribing; open to anyone. */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberApiController {

	private final SubscriptionService subscriptions;

	SubscriberApiController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping
	ResponseEntity<SubscriberView> subscribe(@Valid @RequestBody SubscriptionController.SubscriptionForm form) {
		Subscriber subscriber = this.subscriptions.subscribe(form.email());
		return ResponseEntity.created(URI.create("/api/subscribers/" + subscriber.getId()))
			.body(new SubscriberView(subscriber.getId(), subscriber.getEmail()));
	}

	record SubscriberView(Long id, String email) {
	}

}
