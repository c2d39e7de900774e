package io.signalsforspring.signals.cluster;

import java.util.Optional;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.durable.Delivery;
import io.signalsforspring.signals.durable.DeliveryFilter;
import io.signalsforspring.signals.durable.DeliveryOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import kafka.server.BrokerServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcast contract over a real Kafka broker, run in process by spring-kafka-test in
 * KRaft mode, and a broker outage (the broker stopped and started again) that delays a
 * broadcast and loses nothing. Another service reads the externalized topic with a
 * consumer of its own.
 */
class BroadcastKafkaIntegrationTests extends BroadcastContractTests {

	private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

	private final List<Published> published = new CopyOnWriteArrayList<>();

	private KafkaConsumer<String, String> otherService;

	@Override
	protected List<String> brokerArguments() {
		this.kafka.kafkaPorts(0);
		this.kafka.afterPropertiesSet();
		return List.of("--spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
				"--signals.cluster.broker=kafka", "--spring.kafka.producer.properties.max.block.ms=3000");
	}

	@Override
	protected synchronized List<Published> publishedTo(String destination) {
		if (this.otherService == null) {
			this.otherService = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBrokersAsString(),
							ConsumerConfig.GROUP_ID_CONFIG, "other-" + UUID.randomUUID(),
							ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new StringDeserializer());
			this.otherService.subscribe(List.of(destination));
		}
		for (ConsumerRecord<String, String> record : this.otherService.poll(Duration.ofMillis(200))) {
			Map<String, String> headers = new HashMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
			this.published.add(new Published(record.key(), record.value(), headers));
		}
		return this.published;
	}

	/**
	 * The broker is down until a publish has failed (the producer waits 3 s for the
	 * broker's metadata here), so that the outbox's publish is retried; the producer may
	 * still send the first attempt once the broker is back, and each instance runs the
	 * receiver once all the same.
	 */
	@Test
	void brokerOutageDelaysABroadcastAndLosesNothing() throws Exception {
		BrokerServer broker = this.kafka.getCluster().brokers().values().iterator().next();
		double failuresBefore = failures();
		broker.shutdown();
		broker.awaitShutdown();
		String title = unique("During the outage");
		try {
			save(this.first, title);
			await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
			assertThat(this.first.getBean(BroadcastsHealthIndicator.class).health().getStatus())
				.as("the broker's health while it is down")
				.isEqualTo(Status.DOWN);
			assertThat(ClusterInstance.evictions).as("the sender ran it after its commit; nothing can be published yet")
				.containsExactly("first: " + title);
		}
		finally {
			broker.startup();
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).contains("second: " + title));
		Thread.sleep(3000);
		assertThat(ClusterInstance.evictions).containsExactlyInAnyOrder("first: " + title, "second: " + title);
	}

	/**
	 * A send over Kafka's size limit (the producer's {@code max.request.size}, 1 MiB) can
	 * never be taken: it is quarantined at once with Kafka's error, counted as a failed
	 * publish, and never retried.
	 */
	@Test
	void messageKafkaRefusesForGoodIsQuarantinedAtOnce() {
		Signal orderConfirmed = this.first.getBean(ClusterInstance.OrderConfirmed.class);
		String huge = "x".repeat(2 * 1024 * 1024);
		new TransactionTemplate(this.first.getBean(PlatformTransactionManager.class)).executeWithoutResult(
				(status) -> orderConfirmed.send(null, Map.of("order", unique("huge order"), "customer", huge)));
		DeliveryOperations operations = this.first.getBean(DeliveryOperations.class);
		Delivery refused = await().atMost(Duration.ofSeconds(30))
			.until(() -> operations.list(new DeliveryFilter(null, "order_confirmed", "quarantined", null), 10, null)
				.deliveries()
				.stream()
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(refused.lastError()).contains("RecordTooLargeException");
		assertThat(refused.attempts()).as("not retried").isZero();
		assertThat(this.first.getBean(MeterRegistry.class).get("signals.broadcasts.failed").counter().count()
				+ this.second.getBean(MeterRegistry.class).get("signals.broadcasts.failed").counter().count())
			.isPositive();
		operations.discard(refused.id());
	}

	private double failures() {
		return this.first.getBean(MeterRegistry.class).get("signals.deliveries.failures").counter().count()
				+ this.second.getBean(MeterRegistry.class).get("signals.deliveries.failures").counter().count();
	}

	@AfterAll
	void stopKafka() {
		if (this.otherService != null) {
			this.otherService.close();
		}
		this.kafka.destroy();
		// the embedded broker publishes its address as system properties: gone with it
		System.clearProperty("spring.kafka.bootstrap-servers");
		System.clearProperty("spring.embedded.kafka.brokers");
	}

}
