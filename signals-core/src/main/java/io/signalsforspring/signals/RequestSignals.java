package io.signalsforspring.signals;

/**
 * Django's request signals ({@code django.core.signals}). The starter sends them for
 * Spring MVC servlet applications; the sender is the class of the component that handles
 * requests, and {@code request} is the servlet request.
 */
public final class RequestSignals {

	private RequestSignals() {
	}

	/** {@code request_started}: a request arrived; arguments {@code request}. */
	public static final class RequestStarted extends Signal {

		/** Create the signal. */
		public RequestStarted() {
			super(SignalSpec.named("request_started").argument("request", Object.class));
		}

	}

	/** {@code request_finished}: the response was sent; arguments {@code request}. */
	public static final class RequestFinished extends Signal {

		/** Create the signal. */
		public RequestFinished() {
			super(SignalSpec.named("request_finished").argument("request", Object.class));
		}

	}

	/**
	 * {@code got_request_exception}: a handler failed with an exception that no error
	 * handling turned into a 4xx response; arguments {@code request}, {@code exception}.
	 */
	public static final class GotRequestException extends Signal {

		/** Create the signal. */
		public GotRequestException() {
			super(SignalSpec.named("got_request_exception")
				.argument("request", Object.class)
				.argument("exception", Throwable.class));
		}

	}

}
