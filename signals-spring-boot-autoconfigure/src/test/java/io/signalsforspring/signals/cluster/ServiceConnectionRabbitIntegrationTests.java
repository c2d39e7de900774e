package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.signalsforspring.signals.durable.Article;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RabbitMQ named by a {@code RabbitConnectionDetails} bean, as {@code @ServiceConnection}
 * or Docker Compose defines it, and by no {@code spring.rabbitmq.*} property: receivers
 * run in every instance over it. Needs the local RabbitMQ (the integration run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceConnectionRabbitIntegrationTests {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final String application = "rabbit-service-connection-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	void startTwoInstances() {
		this.instances.add(start("first"));
		this.instances.add(start("second"));
	}

	@AfterAll
	void stopThem() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	private ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterInstance.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:" + this.application + ";DB_CLOSE_DELAY=-1")
			.initializers(
					(GenericApplicationContext initialized) -> initialized.registerBean(RabbitConnectionDetails.class,
							() -> () -> List.of(new RabbitConnectionDetails.Address("127.0.0.1", 5672))))
			.run("--spring.application.name=" + this.application, "--spring.jpa.hibernate.ddl-auto=update",
					"--signals.durable.polling-interval=500ms");
		context.setId(name);
		return context;
	}

	@Test
	void aReceiverForEveryInstanceRunsInEachOverTheConnectionDetailsBroker() {
		ClusterInstance.evictions.clear();
		String title = "Over the Rabbit service connection " + UUID.randomUUID().toString().substring(0, 8);
		ConfigurableApplicationContext first = this.instances.get(0);
		new TransactionTemplate(first.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> first.getBean(EntityManager.class).persist(new Article(title)));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).contains("first: " + title, "second: " + title));
		assertThat(first.getBean(Broadcasts.class)).isInstanceOf(RabbitBroadcasts.class);
	}

}
