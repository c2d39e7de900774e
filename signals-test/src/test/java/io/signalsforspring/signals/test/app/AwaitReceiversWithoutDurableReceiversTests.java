package io.signalsforspring.signals.test.app;

import java.time.Duration;

import io.signalsforspring.signals.durable.DeliveryFilter;
import io.signalsforspring.signals.durable.DeliveryOperations;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@code awaitReceivers()} in an application that has no durable receiver, and so no
 * delivery table: nothing is pending, and nothing is queried.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:plain-app")
class AwaitReceiversWithoutDurableReceiversTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private DeliveryOperations deliveries;

	@Test
	void awaitingReceiversDoesNotNeedTheDeliveryTable() {
		assertThatNoException().isThrownBy(() -> SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(5)));
	}

	@Test
	void theOperationsSeeNoDeliveries() {
		assertThat(this.deliveries.summary().pending()).isZero();
		assertThat(this.deliveries.list(DeliveryFilter.ALL, 10, null).deliveries()).isEmpty();
		assertThat(this.deliveries.get("some-id")).isEmpty();
	}

}
