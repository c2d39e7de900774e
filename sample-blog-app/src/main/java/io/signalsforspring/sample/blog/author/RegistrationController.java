package io.signalsforspring.sample.blog.author;

import java.security.Principal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The registration page: a new author, and (through a receiver) their profile.
 */
@Controller
class RegistrationController {

	private final AuthorService authors;

	RegistrationController(AuthorService authors) {
		this.authors = authors;
	}

	/** The form; a signed-in author has an account already and goes to the posts. */
	@GetMapping("/register")
	String form(Model model, Principal principal) {
		if (principal != null) {
			return "redirect:/";
		}
		model.addAttribute("registration", new RegistrationForm("", "", ""));
		return "register";
	}

	@PostMapping("/register")
	String register(@Valid @ModelAttribute("registration") RegistrationForm registration, BindingResult result,
			Principal principal) {
		if (principal != null) {
			return "redirect:/";
		}
		if (!result.hasErrors()) {
			try {
				this.authors.register(registration.username(), registration.password(), registration.email());
				return "redirect:/login?registered";
			}
			catch (AuthorService.UsernameTakenException ex) {
				result.rejectValue("username", "taken", "This user name is taken");
			}
		}
		return "register";
	}

	record RegistrationForm(
			@NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]*",
					message = "letters, digits, '.', '-' and '_' only") String username,
			@NotBlank @Size(min = 4, max = 100) String password, @NotBlank @Email @Size(max = 200) String email) {
	}

}
