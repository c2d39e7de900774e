package io.signalsforspring.signals;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * A receiver that belongs to an owner object, Django's bound method: typically an unbound
 * method reference such as {@code Inventory::onOrderConfirmed}.
 *
 * <p>
 * Turned into a {@link ReceiverFunction} by
 * {@link ReceiverFunction#bound(Object, BoundReceiver)}, which holds the owner weakly and
 * identifies the receiver by the owner plus the method the reference points to. It is
 * {@link Serializable} only so that the method can be read off a method reference
 * (through its {@code SerializedLambda}); it is never serialized.
 *
 * @param <T> the owner's type
 */
@FunctionalInterface
public interface BoundReceiver<T> extends Serializable {

	/**
	 * Receive a signal on behalf of its owner.
	 * @param owner the object the receiver belongs to, never {@code null}
	 * @param event the signal, its sender and its named arguments
	 * @return the response, or {@code null}
	 * @throws Exception any failure, reported as for {@link ReceiverFunction#receive}
	 */
	@Nullable Object receive(T owner, SignalEvent event) throws Exception;

}
