package io.signalsforspring.signals.spring;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AsyncShutdownTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class))
		.withUserConfiguration(SlowReceivers.class);

	@Test
	void shutdownWaitsForAsyncReceiversToFinish() {
		SlowReceivers.release = new CountDownLatch(1);
		SlowReceivers.finished = new CountDownLatch(1);
		this.runner.withPropertyValues("signals.async.shutdown-timeout=10s").run((context) -> {
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-1", "quantity", 1));
			new Thread(() -> {
				sleepQuietly(200);
				SlowReceivers.release.countDown();
			}).start();
		});
		assertThat(SlowReceivers.finished.getCount()).as("finished before the context closed").isZero();
	}

	@Test
	void shutdownReportsAsyncReceiversCutOffAfterTheTimeout(CapturedOutput output) throws InterruptedException {
		SlowReceivers.release = new CountDownLatch(1);
		SlowReceivers.finished = new CountDownLatch(1);
		this.runner.withPropertyValues("signals.async.shutdown-timeout=100ms").run((context) -> {
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "B-1", "quantity", 1));
		});
		assertThat(output).contains("Shutdown waited PT0.1S for asynchronous receivers; 1 still running and cut off",
				"asyncShutdownTests.SlowReceivers#ship(String) for signal 'order_confirmed'");
		SlowReceivers.release.countDown();
	}

	@Test
	void exceptionInAsyncReceiverGoesToTheErrorHandler(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "fail", "quantity", 1));
		});
		assertThat(output).contains(
				"Receiver asyncShutdownTests.SlowReceivers#failing(String) of signal 'order_confirmed'",
				"phase IMMEDIATE, async) failed: java.lang.IllegalStateException: no stock for fail");
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class SlowReceivers {

		static volatile CountDownLatch release = new CountDownLatch(0);

		static volatile CountDownLatch finished = new CountDownLatch(0);

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Receiver(signal = OrderConfirmed.class, async = true, condition = "#order != 'fail'")
		void ship(String order) throws InterruptedException {
			if (release.await(10, TimeUnit.SECONDS)) {
				finished.countDown();
			}
		}

		@Receiver(signal = OrderConfirmed.class, async = true, condition = "#order == 'fail'")
		void failing(String order) {
			throw new IllegalStateException("no stock for " + order);
		}

	}

}
