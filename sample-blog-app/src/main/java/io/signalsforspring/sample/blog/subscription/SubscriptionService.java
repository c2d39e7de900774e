package io.signalsforspring.sample.blog.subscription;

import java.util.Locale;

import io.signalsforspring.sample.blog.system.UniqueViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Subscribing readers, once per address. */
@Service
public class SubscriptionService {

	private final SubscriberRepository subscribers;

	SubscriptionService(SubscriberRepository subscribers) {
		this.subscribers = subscribers;
	}

	/**
	 * Subscribe an address.
	 * @param email the address
	 * @return the subscriber
	 * @throws AlreadySubscribedException if it is subscribed already
	 */
	@Transactional
	public Subscriber subscribe(String email) {
		String normalized = email.strip().toLowerCase(Locale.ROOT);
		if (this.subscribers.existsByEmailIgnoreCase(normalized)) {
			throw new AlreadySubscribedException(normalized);
		}
		try {
			return this.subscribers.save(new Subscriber(normalized));
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolation.causedBy(ex)) {
				throw new AlreadySubscribedException(normalized);
			}
			throw ex;
		}
	}

	/** The address is subscribed already. */
	@ResponseStatus(HttpStatus.CONFLICT)
	public static class AlreadySubscribedException extends RuntimeException {

		AlreadySubscribedException(String email) {
			super(email + " is subscribed already");
		}

	}

}
