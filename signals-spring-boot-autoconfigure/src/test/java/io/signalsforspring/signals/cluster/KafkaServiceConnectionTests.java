package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.spring.micrometer.ObservedReceivers;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka named by a {@code KafkaConnectionDetails} bean, as {@code @ServiceConnection}
 * with Testcontainers or Docker Compose defines it, and by no property: receivers run in
 * every instance over it, and the broadcast consumer is made by Spring Boot's listener
 * container factory, so {@code spring.kafka.listener.*} applies to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaServiceConnectionTests {

	private final EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final String application = "service-connection-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void startBrokerAndTwoInstances() {
		this.kafka.kafkaPorts(0);
		this.kafka.afterPropertiesSet();
		// the embedded broker may publish its address as Boot's property: no property
		// here
		System.clearProperty("spring.kafka.bootstrap-servers");
		this.instances.add(start("first"));
		this.instances.add(start("second"));
	}

	@AfterAll
	void stopEverything() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.kafka.destroy();
	}

	private ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterInstance.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:" + this.application + ";DB_CLOSE_DELAY=-1")
			.initializers((GenericApplicationContext initialized) -> initialized
				.registerBean(KafkaConnectionDetails.class, () -> () -> List.of(this.kafka.getBrokersAsString())))
			.run("--spring.application.name=" + this.application, "--spring.jpa.hibernate.ddl-auto=update",
					"--signals.durable.polling-interval=500ms",
					"--spring.kafka.listener.client-id=from-boot-properties");
		context.setId(name);
		return context;
	}

	@Test
	void aReceiverForEveryInstanceRunsInEachOverTheConnectionDetailsBroker() {
		ClusterInstance.evictions.clear();
		String title = "Over the service connection " + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext first = this.instances.get(0);
		new TransactionTemplate(first.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> first.getBean(EntityManager.class).persist(new Article(title)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).contains("first: " + title, "second: " + title));
		assertThat(first.getBean(Broadcasts.class)).isInstanceOf(KafkaBroadcasts.class);
		for (ConfigurableApplicationContext instance : this.instances) {
			assertThat(instance.getBean(MeterRegistry.class)
				.find(ObservedReceivers.OBSERVATION)
				.tags("mode", "broadcast", "error", "none")
				.timers()).as("runs timed in " + instance.getId())
				.isNotEmpty()
				.allSatisfy((timer) -> assertThat(timer.count()).isPositive());
		}
	}

	@Test
	void theBrokersHealthSaysItIsReachableAndConsumed() {
		Health health = this.instances.get(0).getBean(BroadcastsHealthIndicator.class).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("consuming", true)
			.hasEntrySatisfying("broker", (broker) -> assertThat(broker.toString()).startsWith("Kafka cluster "));
	}

	@Test
	void theBroadcastConsumerIsMadeBySpringBootsListenerContainerFactory() throws Exception {
		try (AdminClient admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.getBrokersAsString()))) {
			List<String> groups = admin.listConsumerGroups()
				.all()
				.get()
				.stream()
				.map(ConsumerGroupListing::groupId)
				.filter((group) -> group.startsWith("signals." + this.application + "."))
				.toList();
			assertThat(groups).as("one consumer group per instance").hasSize(2);
			Collection<ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all().get().values();
			assertThat(described).flatMap(ConsumerGroupDescription::members)
				.extracting(MemberDescription::clientId)
				.isNotEmpty()
				.allSatisfy((clientId) -> assertThat(clientId).startsWith("from-boot-properties"));
		}
	}

}
