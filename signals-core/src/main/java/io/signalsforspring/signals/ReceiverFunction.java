package io.signalsforspring.signals;

import org.jspecify.annotations.Nullable;

/**
 * A function that a {@link Signal} calls when it is sent: Django's receiver function.
 *
 * <p>
 * A receiver runs on the thread that sends the signal ({@link Signal#send}) or on the
 * executor given to an asynchronous send. Its return value becomes its {@link Response};
 * an exception it throws propagates from {@link Signal#send} and is reported as its
 * response by {@link Signal#sendRobust}.
 *
 * <p>
 * A receiver is identified by the object itself: a lambda or method reference evaluated
 * twice gives two receivers. Keep the {@link Connection} that {@code connect} returns,
 * use an owner-bound {@link BoundReceiver}, or pass a dispatch uid when the same receiver
 * may be connected more than once.
 */
@FunctionalInterface
public interface ReceiverFunction {

	/**
	 * Receive a signal.
	 * @param event the signal, its sender and its named arguments
	 * @return the response, or {@code null}
	 * @throws Exception any failure, reported as described on {@link Signal#send} and
	 * {@link Signal#sendRobust}
	 */
	@Nullable Object receive(SignalEvent event) throws Exception;

	/**
	 * Return a receiver that calls {@code method} on {@code owner} for as long as the
	 * owner is alive: Django's weakly held bound method. It holds the owner weakly, and
	 * is equal to every receiver bound to the same owner with the same method reference,
	 * so connecting it twice keeps one entry and
	 * {@code disconnect(ReceiverFunction.bound(owner, Owner::method))} finds it again:
	 *
	 * <pre class="code">
	 * signal.connect(ReceiverFunction.bound(this, Inventory::onOrderConfirmed));
	 * </pre>
	 *
	 * Once the owner is collected, the signal drops the connection. The method must not
	 * capture its owner (write {@code Inventory::onOrderConfirmed}, not
	 * {@code this::onOrderConfirmed}), or the owner can never be collected.
	 * @param <T> the owner's type
	 * @param owner the object the receiver belongs to
	 * @param method what to call on it
	 * @return the bound receiver
	 */
	static <T> ReceiverFunction bound(T owner, BoundReceiver<? super T> method) {
		return new OwnedReceiver(owner, method);
	}

}
