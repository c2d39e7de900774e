package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every broker must do for receivers that run in every instance, with two instances
 * (application contexts) on one database: run the receiver once in each, the sender
 * included, and broadcast nothing for a rollback. Each broker's test class says how an
 * instance reaches its broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BroadcastContractTests {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	protected ConfigurableApplicationContext first;

	protected ConfigurableApplicationContext second;

	/**
	 * The arguments that connect an instance to the broker.
	 */
	protected abstract List<String> brokerArguments();

	@BeforeAll
	void startTwoInstances() {
		this.first = start("first");
		this.second = start("second");
	}

	@AfterAll
	void stopThem() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@BeforeEach
	void forgetEvictions() {
		ClusterInstance.evictions.clear();
	}

	@Test
	void everyInstanceRunsTheReceiverOnceTheSenderIncluded() {
		String title = unique("Cached everywhere");
		save(this.first, title);
		awaitEvictedEverywhere(title);
		String sentinel = unique("Sentinel");
		save(this.second, sentinel);
		awaitEvictedEverywhere(sentinel);
		assertThat(ClusterInstance.evictions).filteredOn((eviction) -> eviction.endsWith(": " + title))
			.containsExactlyInAnyOrder("first: " + title, "second: " + title);
		assertThat(count(this.first, "signals.broadcasts.received")).isGreaterThanOrEqualTo(2);
		assertThat(count(this.second, "signals.broadcasts.received")).isGreaterThanOrEqualTo(2);
		assertThat(
				count(this.first, "signals.broadcasts.published") + count(this.second, "signals.broadcasts.published"))
			.isGreaterThanOrEqualTo(2);
	}

	private static double count(ConfigurableApplicationContext instance, String meter) {
		return instance.getBean(MeterRegistry.class).get(meter).counter().count();
	}

	@Test
	void receiverConnectedInCodeRunsInEveryInstanceToo() {
		List<String> calls = new CopyOnWriteArrayList<>();
		try (Connection inFirst = connectInCode(this.first, calls);
				Connection inSecond = connectInCode(this.second, calls)) {
			String title = unique("From code");
			save(this.first, title);
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(calls).contains("first: " + title, "second: " + title));
		}
	}

	private static Connection connectInCode(ConfigurableApplicationContext instance, List<String> calls) {
		return instance.getBean(BroadcastReceivers.class)
			.connect(instance.getBean(PostSave.class), Article.class, "tests.fromCode", (event) -> {
				calls.add(instance.getId() + ": " + ((Article) event.get("instance")).getTitle());
				return null;
			});
	}

	@Test
	void rolledBackTransactionBroadcastsNothing() {
		String title = unique("Never committed");
		new TransactionTemplate(this.first.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			this.first.getBean(EntityManager.class).persist(new Article(title));
			this.first.getBean(EntityManager.class).flush();
			status.setRollbackOnly();
		});
		String sentinel = unique("After the rollback");
		save(this.first, sentinel);
		awaitEvictedEverywhere(sentinel);
		assertThat(ClusterInstance.evictions).noneMatch((eviction) -> eviction.endsWith(": " + title));
	}

	protected static void awaitEvictedEverywhere(String title) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).contains("first: " + title, "second: " + title));
	}

	protected static void save(ConfigurableApplicationContext instance, String title) {
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> instance.getBean(EntityManager.class).persist(new Article(title)));
	}

	protected static String unique(String text) {
		return text + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private ConfigurableApplicationContext start(String name) {
		List<String> arguments = new ArrayList<>(List.of("--spring.application.name=" + getClass().getSimpleName(),
				"--spring.jpa.hibernate.ddl-auto=update", "--signals.durable.initialize-schema=true",
				"--signals.durable.first-retry-delay=500ms", "--signals.durable.max-retry-delay=2s",
				"--signals.durable.polling-interval=500ms"));
		arguments.addAll(brokerArguments());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ClusterInstance.class)
			.web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:" + getClass().getSimpleName() + ";DB_CLOSE_DELAY=-1")
			.run(arguments.toArray(String[]::new));
		context.setId(name);
		this.instances.add(context);
		return context;
	}

}
