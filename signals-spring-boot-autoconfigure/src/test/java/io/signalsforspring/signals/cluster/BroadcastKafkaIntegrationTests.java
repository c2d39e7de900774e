package io.signalsforspring.signals.cluster;

import java.util.List;

import org.junit.jupiter.api.AfterAll;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The broadcast contract over a real Kafka broker, run in process by spring-kafka-test in
 * KRaft mode.
 */
class BroadcastKafkaIntegrationTests extends BroadcastContractTests {

	private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

	@Override
	protected List<String> brokerArguments() {
		this.kafka.kafkaPorts(0);
		this.kafka.afterPropertiesSet();
		return List.of("--spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
				"--signals.cluster.broker=kafka");
	}

	@AfterAll
	void stopKafka() {
		this.kafka.destroy();
	}

}
