package io.signalsforspring.signals.spring;

/**
 * Handles exceptions of receivers that run where no caller can see them: after commit,
 * after rollback or completion, and asynchronously. Spring's transactional event
 * listeners swallow such exceptions; here every one of them reaches this handler.
 *
 * <p>
 * The default, {@link LoggingReceiverErrorHandler}, logs at ERROR. Declare a bean of this
 * type to replace it (to alert, retry or record failures). It is called on the thread the
 * receiver ran on; an exception it throws is logged and dropped.
 */
@FunctionalInterface
public interface ReceiverErrorHandler {

	/**
	 * Handle a failure.
	 * @param failure the signal, sender, receiver, phase and exception
	 */
	void handleError(ReceiverFailure failure);

}
