package io.signalsforspring.sample.blog.post;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No post has that slug (or it is a draft of another author). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PostNotFoundException extends RuntimeException {

	PostNotFoundException(String slug) {
		super("No post '" + slug + "'");
	}

}
