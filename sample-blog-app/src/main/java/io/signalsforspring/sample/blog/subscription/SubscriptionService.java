package io.signalsforspring.sample.blog.subscription;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import io.signalsforspring.sample.blog.system.UniqueViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribing with double opt-in. Asking for an address saves it unconfirmed, and its
 * {@code post_save} sends the confirmation email (a receiver in {@code notification});
 * only following the link confirms it. Asking never tells whether an address is
 * subscribed, so the form cannot be used to find out who reads the blog, and a pending
 * address is asked again at most every {@link #ASK_AGAIN_AFTER}, so it cannot be used to
 * flood a stranger's inbox.
 */
@Service
public class SubscriptionService {

	/** How long an unconfirmed address waits before asking for it sends another link. */
	static final Duration ASK_AGAIN_AFTER = Duration.ofMinutes(10);

	private static final SecureRandom random = new SecureRandom();

	private final SubscriberRepository subscribers;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	SubscriptionService(SubscriberRepository subscribers, PlatformTransactionManager transactionManager) {
		this.subscribers = subscribers;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Ask for an address's subscription: an unknown address is saved unconfirmed and sent
	 * a confirmation link; an unconfirmed one is sent a new link if its last one is older
	 * than {@link #ASK_AGAIN_AFTER}; a confirmed one is left alone. The caller learns
	 * nothing of which it was.
	 * @param email the address
	 */
	public void subscribe(String email) {
		String normalized = normalized(email);
		try {
			this.transactions.executeWithoutResult((status) -> ask(normalized, this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			// asked for at the same moment by another request, which sends the link
			if (!UniqueViolation.causedBy(ex)) {
				throw ex;
			}
		}
	}

	private void ask(String email, Instant now) {
		Optional<Subscriber> known = this.subscribers.findByEmailIgnoreCase(email);
		if (known.isEmpty()) {
			this.subscribers.save(new Subscriber(email, newToken(), now));
			return;
		}
		Subscriber subscriber = known.get();
		Instant last = subscriber.getRequestedAt();
		if (!subscriber.isConfirmed() && (last == null || last.plus(ASK_AGAIN_AFTER).isBefore(now))) {
			subscriber.requested((subscriber.getToken() != null) ? subscriber.getToken() : newToken(), now);
		}
	}

	/**
	 * Add an address whose owner confirmed it elsewhere (the demo data's reader), or
	 * confirm it if it is known; idempotent.
	 * @param email the address
	 */
	@Transactional
	public void addConfirmed(String email) {
		String normalized = normalized(email);
		Instant now = this.clock.instant();
		Subscriber subscriber = this.subscribers.findByEmailIgnoreCase(normalized)
			.orElseGet(() -> this.subscribers.save(Subscriber.confirmed(normalized, newToken(), now)));
		if (subscriber.getToken() == null) {
			subscriber.requested(newToken(), now);
		}
		subscriber.confirm(now);
	}

	/**
	 * The subscriber a link is for.
	 * @param token the link's token
	 * @return the subscriber, if the link is still valid
	 */
	@Transactional(readOnly = true)
	public Optional<Subscriber> find(String token) {
		return this.subscribers.findByToken(token);
	}

	/**
	 * Confirm the address of a confirmation link; idempotent.
	 * @param token the link's token
	 * @return the confirmed subscriber, empty if the link is not (or no longer) valid
	 */
	@Transactional
	public Optional<Subscriber> confirm(String token) {
		Optional<Subscriber> subscriber = this.subscribers.findByToken(token);
		subscriber.ifPresent((found) -> found.confirm(this.clock.instant()));
		return subscriber;
	}

	/**
	 * Forget the address of an unsubscribe link; idempotent.
	 * @param token the link's token
	 * @return the address, empty if it was not subscribed (any more)
	 */
	@Transactional
	public Optional<String> unsubscribe(String token) {
		Optional<Subscriber> subscriber = this.subscribers.findByToken(token);
		subscriber.ifPresent(this.subscribers::delete);
		return subscriber.map(Subscriber::getEmail);
	}

	private static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	/** 192 random bits, URL-safe: the secret of an address's links. */
	private static String newToken() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
