package io.signalsforspring.signals.durable;

/**
 * A stored delivery that can never be delivered as it is: not a record this version
 * reads, a receiver or signal that no longer exists, an entity that is gone. Such a
 * delivery is quarantined at once instead of retried.
 */
class UnreadableDeliveryException extends IllegalStateException {

	UnreadableDeliveryException(String reason) {
		super(reason);
	}

	/**
	 * An entity argument whose row is gone.
	 */
	static final class EntityGone extends UnreadableDeliveryException {

		EntityGone(String reason) {
			super(reason);
		}

	}

}
