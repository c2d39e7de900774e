package io.signalsforspring.sample.blog.system;

import io.signalsforspring.sample.blog.post.ConcurrentChangeException;
import io.signalsforspring.sample.blog.post.NotYourPostException;
import io.signalsforspring.sample.blog.post.PostNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' answers to an unknown post (the 404 page) and to another author's post (the
 * 403 page), and to a save that lost every race with concurrent requests (the 409 page).
 * The JSON API answers with problem details instead ({@link ApiErrors}).
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(PostNotFoundException.class)
	ModelAndView notFound() {
		return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(ConcurrentChangeException.class)
	ModelAndView conflict() {
		return new ModelAndView("error/409", HttpStatus.CONFLICT);
	}

	@ExceptionHandler(NotYourPostException.class)
	ModelAndView notYours() {
		return new ModelAndView("error/403", HttpStatus.FORBIDDEN);
	}

}
