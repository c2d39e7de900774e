package io.signalsforspring.signals.cluster;

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
import org.junit.jupiter.api.AfterAll;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broadcast contract over a real Kafka broker, run in process by spring-kafka-test in
 * KRaft mode. Another service reads the externalized topic with a consumer of its own.
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
				"--signals.cluster.broker=kafka");
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
