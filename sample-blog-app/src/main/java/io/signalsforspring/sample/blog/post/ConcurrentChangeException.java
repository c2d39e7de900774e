package io.signalsforspring.sample.blog.post;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A write lost every race for a unique key against concurrent requests. */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConcurrentChangeException extends RuntimeException {

	ConcurrentChangeException(Throwable cause) {
		super("Other requests changed the same posts or tags at the same moment; try again", cause);
	}

}
