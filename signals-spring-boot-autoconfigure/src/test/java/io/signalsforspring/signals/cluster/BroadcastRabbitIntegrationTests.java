package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.signalsforspring.signals.durable.Article;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances (application contexts) on one database and the real RabbitMQ of this
 * machine (127.0.0.1:5672): a receiver declared for every instance runs once in each, the
 * sender included; a rollback broadcasts nothing; a broker outage delays a broadcast and
 * loses nothing. Needs the broker: run by the integration run of {@code .ci/run}, where
 * an unreachable broker fails the run.
 */
class BroadcastRabbitIntegrationTests {

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoInstances() {
		first = start("first");
		second = start("second");
	}

	@AfterAll
	static void stopThem() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@BeforeEach
	void forgetEvictions() {
		ClusterInstance.evictions.clear();
	}

	@Test
	void everyInstanceRunsTheReceiverOnceTheSenderIncluded() {
		String title = unique("Cached everywhere");
		save(first, title);
		awaitEvictedEverywhere(title);
		String sentinel = unique("Sentinel");
		save(second, sentinel);
		awaitEvictedEverywhere(sentinel);
		assertThat(ClusterInstance.evictions).filteredOn((eviction) -> eviction.endsWith(": " + title))
			.containsExactlyInAnyOrder("first: " + title, "second: " + title);
	}

	@Test
	void rolledBackTransactionBroadcastsNothing() {
		String title = unique("Never committed");
		new TransactionTemplate(first.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			first.getBean(EntityManager.class).persist(new Article(title));
			first.getBean(EntityManager.class).flush();
			status.setRollbackOnly();
		});
		String sentinel = unique("After the rollback");
		save(first, sentinel);
		awaitEvictedEverywhere(sentinel);
		assertThat(ClusterInstance.evictions).noneMatch((eviction) -> eviction.endsWith(": " + title));
	}

	@Test
	void brokerOutageDelaysABroadcastAndLosesNothing() throws Exception {
		rabbitmqctl("stop_app");
		String title = unique("During the outage");
		try {
			save(first, title);
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

	private static void awaitEvictedEverywhere(String title) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).contains("first: " + title, "second: " + title));
	}

	private static void save(ConfigurableApplicationContext instance, String title) {
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> instance.getBean(EntityManager.class).persist(new Article(title)));
	}

	private static String unique(String text) {
		return text + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void rabbitmqctl(String command) throws Exception {
		Process process = new ProcessBuilder("rabbitmqctl", command).inheritIO().start();
		assertThat(process.waitFor()).as("rabbitmqctl " + command).isZero();
	}

	private static ConfigurableApplicationContext start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterInstance.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:cluster;DB_CLOSE_DELAY=-1")
			.run("--spring.application.name=cluster-test", "--spring.jpa.hibernate.ddl-auto=update",
					"--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672",
					"--signals.durable.initialize-schema=true", "--signals.durable.first-retry-delay=500ms",
					"--signals.durable.max-retry-delay=2s", "--signals.durable.polling-interval=500ms",
					"--spring.rabbitmq.listener.simple.recovery-interval=1s",
					"--logging.level.io.signalsforspring=DEBUG");
		context.setId(name);
		instances.add(context);
		return context;
	}

}
