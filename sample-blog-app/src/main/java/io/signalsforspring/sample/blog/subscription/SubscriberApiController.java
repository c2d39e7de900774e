package io.signalsforspring.sample.blog.subscription;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for subscribing; open to anyone, and double opt-in: {@code 202 Accepted}
 * whatever the address's state, since only its owner, following the emailed link, may
 * subscribe it.
 */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberApiController {

	private final SubscriptionService subscriptions;

	SubscriberApiController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	Requested subscribe(@Valid @RequestBody SubscriptionController.SubscriptionForm form) {
		this.subscriptions.subscribe(form.email());
		return new Requested(form.email().strip(),
				"Unless this address is subscribed already, a link to confirm it is on its way to it.");
	}

	record Requested(String email, String detail) {
	}

}
