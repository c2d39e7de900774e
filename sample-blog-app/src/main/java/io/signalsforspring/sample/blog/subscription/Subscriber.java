package io.signalsforspring.sample.blog.subscription;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.jspecify.annotations.Nullable;

/**
 * An address that asked for the blog's posts. It gets them once its owner confirmed it
 * (double opt-in) through the link with its {@link #getToken() token}; the same token
 * unsubscribes it.
 */
@Entity
public class Subscriber {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private @Nullable String token;

	private @Nullable Instant requestedAt;

	private @Nullable Instant confirmedAt;

	protected Subscriber() {
	}

	Subscriber(String email, String token, Instant requestedAt) {
		this.email = email;
		this.token = token;
		this.requestedAt = requestedAt;
	}

	/** An address whose owner confirmed it elsewhere. */
	static Subscriber confirmed(String email, String token, Instant at) {
		Subscriber subscriber = new Subscriber(email, token, at);
		subscriber.confirmedAt = at;
		return subscriber;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	/**
	 * The secret of this address's confirmation and unsubscribe links.
	 * @return the token, {@code null} only for an address subscribed before confirmation
	 * existed, until it subscribes again
	 */
	public @Nullable String getToken() {
		return this.token;
	}

	/**
	 * Whether the owner of the address confirmed it: only then is it emailed posts.
	 * @return whether it is confirmed
	 */
	public boolean isConfirmed() {
		return this.confirmedAt != null;
	}

	@Nullable Instant getRequestedAt() {
		return this.requestedAt;
	}

	void requested(String token, Instant at) {
		this.token = token;
		this.requestedAt = at;
	}

	void confirm(Instant at) {
		if (this.confirmedAt == null) {
			this.confirmedAt = at;
		}
	}

}
