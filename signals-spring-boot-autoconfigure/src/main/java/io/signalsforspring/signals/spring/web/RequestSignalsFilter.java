package io.signalsforspring.signals.spring.web;

import java.io.IOException;
import java.util.Map;

import io.signalsforspring.signals.RequestSignals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends {@code request_started} when a request arrives, {@code request_finished} when its
 * handling is over, and {@code got_request_exception} when an exception escapes the
 * application: one that no exception handler turned into a response. Exceptions that
 * Spring MVC handles (a 404 for an unknown page, a 400 for a bad request, a
 * {@code @ExceptionHandler}) send nothing, as in Django. The sender is this class; the
 * {@code request} argument is the servlet request.
 */
public final class RequestSignalsFilter extends OncePerRequestFilter {

	/**
	 * The filter's order: after Spring Boot's character-encoding filter
	 * ({@code HIGHEST_PRECEDENCE}) and its server observation filter
	 * ({@code HIGHEST_PRECEDENCE + 1}), so that receivers see the decoded request and
	 * their observations nest in the request's; before Spring Security's filter chain
	 * ({@code -100}) and every request-wrapping filter, as Django sends
	 * {@code request_started} before any middleware.
	 */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final RequestSignals.RequestStarted started;

	private final RequestSignals.RequestFinished finished;

	private final RequestSignals.GotRequestException failed;

	/**
	 * Create the filter.
	 * @param started the {@code request_started} signal
	 * @param finished the {@code request_finished} signal
	 * @param failed the {@code got_request_exception} signal
	 */
	public RequestSignalsFilter(RequestSignals.RequestStarted started, RequestSignals.RequestFinished finished,
			RequestSignals.GotRequestException failed) {
		this.started = started;
		this.finished = finished;
		this.failed = failed;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.started.hasListeners(RequestSignalsFilter.class)) {
			this.started.send(RequestSignalsFilter.class, Map.of("request", request));
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException | Error ex) {
			if (this.failed.hasListeners(RequestSignalsFilter.class)) {
				Throwable cause = (ex instanceof ServletException && ex.getCause() != null) ? ex.getCause() : ex;
				this.failed.sendRobust(RequestSignalsFilter.class, Map.of("request", request, "exception", cause));
			}
			throw ex;
		}
		finally {
			if (this.finished.hasListeners(RequestSignalsFilter.class)) {
				this.finished.send(RequestSignalsFilter.class, Map.of("request", request));
			}
		}
	}

}
