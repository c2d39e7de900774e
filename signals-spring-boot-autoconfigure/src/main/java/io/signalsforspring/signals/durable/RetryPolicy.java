package io.signalsforspring.signals.durable;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How often and how soon a durable delivery is tried again: up to {@code maxAttempts}
 * attempts in all, the delay doubling from {@code firstDelay} up to {@code maxDelay}
 * (Spring's {@link ExponentialBackOff}), with "equal jitter" (half the delay fixed, half
 * random) so that deliveries that failed together do not all come back at the same
 * instant.
 *
 * @param maxAttempts the number of attempts before a delivery is kept as failed
 * @param firstDelay the delay before the second attempt
 * @param maxDelay the longest delay between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

	/**
	 * Check the settings.
	 * @param maxAttempts the number of attempts before a delivery is kept as failed
	 * @param firstDelay the delay before the second attempt
	 * @param maxDelay the longest delay between two attempts
	 */
	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
		}
		if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
			throw new IllegalArgumentException(
					"retry delays must satisfy 0 <= first <= max, not first " + firstDelay + " and max " + maxDelay);
		}
	}

	/**
	 * Return this policy with the settings of an annotation applied, where given.
	 * @param maxAttempts the annotation's {@code maxAttempts}, {@code -1} for this one's
	 * @param firstDelay the annotation's {@code firstRetryDelay}, empty for this one's
	 * @param maxDelay the annotation's {@code maxRetryDelay}, empty for this one's
	 * @return the policy
	 */
	public RetryPolicy with(int maxAttempts, String firstDelay, String maxDelay) {
		return new RetryPolicy((maxAttempts != -1) ? maxAttempts : this.maxAttempts,
				StringUtils.hasText(firstDelay) ? DurationStyle.detectAndParse(firstDelay) : this.firstDelay,
				StringUtils.hasText(maxDelay) ? DurationStyle.detectAndParse(maxDelay) : this.maxDelay);
	}

	/**
	 * Return the delay after a failed attempt.
	 * @param failedAttempts how many attempts have failed so far (1 after the first)
	 * @return the delay before the next attempt
	 */
	public Duration delayAfter(int failedAttempts) {
		long max = this.maxDelay.toMillis();
		ExponentialBackOff backOff = new ExponentialBackOff(this.firstDelay.toMillis(), 2.0);
		backOff.setMaxInterval(max);
		BackOffExecution execution = backOff.start();
		long delay = execution.nextBackOff();
		for (int attempt = 1; attempt < failedAttempts && delay < max; attempt++) {
			delay = execution.nextBackOff();
		}
		long half = delay / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(delay - half + 1));
	}

}
