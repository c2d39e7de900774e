package io.signalsforspring.sample.blog.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The subscribe page. */
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
			try {
				this.subscriptions.subscribe(form.email());
				model.addAttribute("subscribed", true);
			}
			catch (SubscriptionService.AlreadySubscribedException ex) {
				result.rejectValue("email", "duplicate", "This address is subscribed already");
			}
		}
		return "subscribe";
	}

	/** The email a reader subscribes with. */
	record SubscriptionForm(@NotBlank(message = "Enter your email address") @Email(
			message = "This is not an email address") @Size(max = 200) String email) {
	}

}
