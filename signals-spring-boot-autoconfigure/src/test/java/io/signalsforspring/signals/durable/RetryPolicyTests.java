package io.signalsforspring.signals.durable;

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The retry schedule: the delay doubles from the first delay up to the maximum, with
 * equal jitter (between half the delay and the whole of it).
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(30));

	@RepeatedTest(20)
	void delayDoublesFromTheFirstUpToTheMaximumWithEqualJitter() {
		assertThat(this.policy.delayAfter(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
		assertThat(this.policy.delayAfter(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
		assertThat(this.policy.delayAfter(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
		assertThat(this.policy.delayAfter(5)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
		assertThat(this.policy.delayAfter(9)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
		assertThat(this.policy.delayAfter(200)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
	}

	@Test
	void annotationSettingsOverrideTheDefaultsWhereGiven() {
		assertThat(this.policy.with(3, "", ""))
			.isEqualTo(new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(30)));
		assertThat(this.policy.with(-1, "100ms", "1m"))
			.isEqualTo(new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMinutes(1)));
	}

	@Test
	void inconsistentSettingsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
			.withMessageContaining("maxAttempts must be at least 1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
			.withMessageContaining("0 <= first <= max");
	}

}
