package io.signalsforspring.signals.durable;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A delivery that is not done yet, as operators see it.
 *
 * @param id the delivery id (the same for every attempt)
 * @param signal the signal's name
 * @param receiver the receiver's name ({@code bean#method(parameter types)})
 * @param state {@code pending}, {@code failed} (attempts used up) or {@code quarantined}
 * (cannot be delivered as stored)
 * @param sentAt when the signal was sent
 * @param attempts how many attempts have failed
 * @param nextAttempt when it is attempted next, {@code null} for failed and quarantined
 * deliveries
 * @param claimedBy the instance running it now, if any
 * @param lastError the last attempt's error, if any
 */
public record Delivery(String id, String signal, String receiver, String state, @Nullable Instant sentAt, int attempts,
		@Nullable Instant nextAttempt, @Nullable String claimedBy, @Nullable String lastError) {

}
