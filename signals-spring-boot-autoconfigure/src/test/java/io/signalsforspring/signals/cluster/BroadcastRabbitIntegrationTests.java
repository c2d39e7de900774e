package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcast contract over the real RabbitMQ of this machine (127.0.0.1:5672), and a
 * broker outage that delays a broadcast and loses nothing. Needs the broker: run by the
 * integration run of {@code .ci/run}, where an unreachable broker fails the run.
 */
class BroadcastRabbitIntegrationTests extends BroadcastContractTests {

	@Override
	protected List<String> brokerArguments() {
		return List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672",
				"--spring.rabbitmq.listener.simple.recovery-interval=1s");
	}

	@Test
	void brokerOutageDelaysABroadcastAndLosesNothing() throws Exception {
		rabbitmqctl("stop_app");
		String title = unique("During the outage");
		try {
			save(this.first, title);
			Thread.sleep(1000);
			assertThat(ClusterInstance.evictions).as("nothing can be published yet").isEmpty();
		}
		finally {
			rabbitmqctl("start_app");
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).containsExactlyInAnyOrder("first: " + title,
					"second: " + title));
	}

	private static void rabbitmqctl(String command) throws Exception {
		Process process = new ProcessBuilder("rabbitmqctl", command).inheritIO().start();
		assertThat(process.waitFor()).as("rabbitmqctl " + command).isZero();
	}

}
