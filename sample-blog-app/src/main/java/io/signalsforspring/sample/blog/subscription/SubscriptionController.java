package io.signalsforspring.sample.blog.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The subscribe page, and the pages of the emailed links. Opening a link (as mail
 * scanners do) only shows a page with a button; the button confirms or unsubscribes. The
 * unsubscribe URL also takes the RFC 8058 one-click {@code POST} of mail clients, which
 * carries no session and no CSRF token: its token is its secret.
 */
@Controller
class SubscriptionController {

	private final SubscriptionService subscriptions;

	SubscriptionController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/subscribe")
	String form(Model model) {
		model.addAttribute("subscription", new SubscriptionForm(""));
		return "subscribe";
	}

	@PostMapping("/subscribe")
	String subscribe(@Valid @ModelAttribute("subscription") SubscriptionForm form, BindingResult result, Model model) {
		if (!result.hasErrors()) {
			this.subscriptions.subscribe(form.email());
			model.addAttribute("requested", form.email().strip());
		}
		return "subscribe";
	}

	@GetMapping("/subscribe/confirm/{token}")
	ModelAndView confirmation(@PathVariable String token) {
		return this.subscriptions.find(token)
			.map((subscriber) -> page("subscription/confirm", subscriber.getEmail()).addObject("token", token))
			.orElseGet(SubscriptionController::invalidLink);
	}

	@PostMapping("/subscribe/confirm/{token}")
	ModelAndView confirm(@PathVariable String token) {
		return this.subscriptions.confirm(token)
			.map((subscriber) -> page("subscription/confirmed", subscriber.getEmail()))
			.orElseGet(SubscriptionController::invalidLink);
	}

	@GetMapping("/unsubscribe/{token}")
	ModelAndView unsubscription(@PathVariable String token) {
		return this.subscriptions.find(token)
			.map((subscriber) -> page("subscription/unsubscribe", subscriber.getEmail()).addObject("token", token))
			.orElseGet(() -> page("subscription/unsubscribed", null));
	}

	/** The button of the page, and RFC 8058's one-click POST; idempotent. */
	@PostMapping("/unsubscribe/{token}")
	ModelAndView unsubscribe(@PathVariable String token) {
		return page("subscription/unsubscribed", this.subscriptions.unsubscribe(token).orElse(null));
	}

	private static ModelAndView page(String view, @Nullable String email) {
		ModelAndView page = new ModelAndView(view);
		page.addObject("email", email);
		return page;
	}

	private static ModelAndView invalidLink() {
		return new ModelAndView("subscription/invalid-link", HttpStatus.NOT_FOUND);
	}

	/** The email a reader subscribes with. */
	record SubscriptionForm(@NotBlank(message = "Enter your email address") @Email(
			message = "This is not an email address") @Size(max = 200) String email) {
	}

}
