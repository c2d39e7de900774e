package io.signalsforspring.signals;

import java.util.Map;

/**
 * Django's authentication signals ({@code django.contrib.auth.signals}). The starter
 * sends them from Spring Security's events. Credentials are never passed on: secrets in
 * {@code credentials} are masked.
 */
public final class AuthSignals {

	private AuthSignals() {
	}

	/**
	 * {@code user_logged_in}: a user signed in; sender the user's class, arguments
	 * {@code user}, {@code request} (optional).
	 */
	public static final class UserLoggedIn extends Signal {

		/** Create the signal. */
		public UserLoggedIn() {
			super(SignalSpec.named("user_logged_in")
				.argument("user", Object.class)
				.optionalArgument("request", Object.class));
		}

	}

	/**
	 * {@code user_logged_out}: a user is signing out; sender the user's class, arguments
	 * {@code user}, {@code request} (optional).
	 */
	public static final class UserLoggedOut extends Signal {

		/** Create the signal. */
		public UserLoggedOut() {
			super(SignalSpec.named("user_logged_out")
				.argument("user", Object.class)
				.optionalArgument("request", Object.class));
		}

	}

	/**
	 * {@code user_login_failed}: authentication failed; arguments {@code credentials}
	 * (the user name and masked secrets), {@code request} (optional).
	 */
	public static final class UserLoginFailed extends Signal {

		/** Create the signal. */
		public UserLoginFailed() {
			super(SignalSpec.named("user_login_failed")
				.argument("credentials", Map.class)
				.optionalArgument("request", Object.class));
		}

	}

}
