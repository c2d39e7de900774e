package io.signalsforspring.sample.blog.system;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form it posts. */
@Controller
class LoginController {

	/** The sign-in form; a signed-in author goes to the posts. */
	@GetMapping("/login")
	String login(Principal principal) {
		return (principal != null) ? "redirect:/" : "login";
	}

}
