package io.signalsforspring.signals.durable;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A delivery that is not done yet, as operators see it.
 *
 * @param id the delivery id (the same for every attempt)
 * @param signal the signal's name
 * @param receiver the receiver's name ({@code bean#method(parameter types)}), or the
 * relay's ({@code broadcast:…}, {@code externalize:…})
 * @param state {@code pending}, {@code failed} (attempts used up) or {@code quarantined}
 * (cannot be delivered as stored, or stopped the process running it too often)
 * @param sentAt when the signal was sent
 * @param attempts how many attempts have failed since it was sent or last retried by an
 * operator
 * @param nextAttempt when it is attempted next, {@code null} for failed and quarantined
 * deliveries
 * @param claimedBy the instance running it now, if any
 * @param lastError the last attempt's error, if any
 * @param history the last failed attempts, oldest first
 */
public record Delivery(String id, String signal, String receiver, String state, @Nullable Instant sentAt, int attempts,
		@Nullable Instant nextAttempt, @Nullable String claimedBy, @Nullable String lastError, List<Failure> history) {

	/**
	 * One failed attempt.
	 *
	 * @param time when it ended
	 * @param attempt its number, counted from the send or the last retry
	 * @param error the error, or how the process running it stopped
	 * @param instance the instance that ran it
	 */
	public record Failure(@Nullable Instant time, int attempt, String error, String instance) {

	}

}
