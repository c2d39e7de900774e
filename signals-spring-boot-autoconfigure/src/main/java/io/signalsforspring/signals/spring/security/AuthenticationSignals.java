package io.signalsforspring.signals.spring.security;

import java.util.LinkedHashMap;
import java.util.Map;

import io.signalsforspring.signals.AuthSignals;
import io.signalsforspring.signals.Signal;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends Django's authentication signals from Spring Security's events:
 * {@code user_logged_in} for an interactive sign-in (a form or remember-me login, as
 * Django's {@code login()}; not for the HTTP Basic credentials of each API request),
 * {@code user_logged_out} after a sign-out (Spring Security announces it only once it is
 * done, unlike Django), and {@code user_login_failed} for every failed authentication.
 *
 * <p>
 * The sender of the first two is the class of the user (the principal), the {@code user}
 * argument the principal itself. {@code user_login_failed} is sent from the class of the
 * authentication attempt, with {@code credentials} holding the user name and a masked
 * secret: the password itself never leaves Spring Security.
 */
public final class AuthenticationSignals implements ApplicationListener<AbstractAuthenticationEvent> {

	/** What every secret is replaced with, as Django's {@code cleanse_setting} does. */
	public static final String MASK = "********************";

	private static final boolean webPresent = ClassUtils.isPresent(
			"org.springframework.web.context.request.RequestContextHolder",
			AuthenticationSignals.class.getClassLoader());

	private final AuthSignals.UserLoggedIn loggedIn;

	private final AuthSignals.UserLoggedOut loggedOut;

	private final AuthSignals.UserLoginFailed loginFailed;

	/**
	 * Create the bridge.
	 * @param loggedIn the {@code user_logged_in} signal
	 * @param loggedOut the {@code user_logged_out} signal
	 * @param loginFailed the {@code user_login_failed} signal
	 */
	public AuthenticationSignals(AuthSignals.UserLoggedIn loggedIn, AuthSignals.UserLoggedOut loggedOut,
			AuthSignals.UserLoginFailed loginFailed) {
		this.loggedIn = loggedIn;
		this.loggedOut = loggedOut;
		this.loginFailed = loginFailed;
	}

	@Override
	public void onApplicationEvent(AbstractAuthenticationEvent event) {
		Authentication authentication = event.getAuthentication();
		if (event instanceof InteractiveAuthenticationSuccessEvent) {
			sendUser(this.loggedIn, authentication);
		}
		else if (event instanceof LogoutSuccessEvent) {
			sendUser(this.loggedOut, authentication);
		}
		else if (event instanceof AbstractAuthenticationFailureEvent
				&& this.loginFailed.hasListeners(authentication.getClass())) {
			Map<String, Object> credentials = new LinkedHashMap<>();
			credentials.put("username", authentication.getName());
			credentials.put("password", MASK);
			Map<String, Object> arguments = new LinkedHashMap<>();
			arguments.put("credentials", Map.copyOf(credentials));
			putRequest(arguments);
			this.loginFailed.send(authentication.getClass(), arguments);
		}
	}

	private void sendUser(Signal signal, Authentication authentication) {
		Object user = authentication.getPrincipal();
		if (user != null && signal.hasListeners(user.getClass())) {
			Map<String, Object> arguments = new LinkedHashMap<>();
			arguments.put("user", user);
			putRequest(arguments);
			signal.send(user.getClass(), arguments);
		}
	}

	private static void putRequest(Map<String, Object> arguments) {
		Object request = webPresent ? currentRequest() : null;
		if (request != null) {
			arguments.put("request", request);
		}
	}

	private static @Nullable Object currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

}
