package io.signalsforspring.sample.blog.post;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An author tried to change another author's post. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class NotYourPostException extends RuntimeException {

	NotYourPostException(String slug) {
		super("Post '" + slug + "' belongs to another author");
	}

}
