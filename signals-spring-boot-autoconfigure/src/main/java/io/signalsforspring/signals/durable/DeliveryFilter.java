package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which deliveries an operator means: every criterion given must hold.
 *
 * @param receiver the receiver's name, exactly
 * @param signal the signal's name
 * @param state {@code pending}, {@code failed} or {@code quarantined}
 * @param olderThan how long ago, at least, the signal was sent
 */
public record DeliveryFilter(@Nullable String receiver, @Nullable String signal, @Nullable String state,
		@Nullable Duration olderThan) {

	/** Every delivery. */
	public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);

	/**
	 * Whether no criterion is given.
	 * @return {@code true} if it matches every delivery
	 */
	public boolean isEmpty() {
		return this.receiver == null && this.signal == null && this.state == null && this.olderThan == null;
	}

	boolean matches(Delivery delivery, Instant now) {
		if (this.receiver != null && !this.receiver.equals(delivery.receiver())) {
			return false;
		}
		if (this.signal != null && !this.signal.equals(delivery.signal())) {
			return false;
		}
		if (this.state != null && !this.state.equals(delivery.state())) {
			return false;
		}
		if (this.olderThan != null) {
			Instant sentAt = delivery.sentAt();
			return sentAt != null && !sentAt.isAfter(now.minus(this.olderThan));
		}
		return true;
	}

}
