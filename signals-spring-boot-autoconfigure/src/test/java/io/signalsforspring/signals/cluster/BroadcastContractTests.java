package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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

	/** Where the tests' instances externalize {@code order_confirmed}. */
	protected static final String ORDERS = "signals-tests.orders";

	/**
	 * The arguments that connect an instance to the broker.
	 */
	protected abstract List<String> brokerArguments();

	/**
	 * Return the messages published to a destination so far.
	 * @param destination the exchange or topic
	 */
	protected abstract List<Published> publishedTo(String destination);

	/**
	 * A message as another service receives it.
	 */
	protected record Published(String key, String body, Map<String, String> headers) {

	}

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
		ClusterInstance.traces.clear();
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
		BroadcastsEndpoint.Report report = new BroadcastsEndpoint(this.second.getBean(Broadcasts.class)).broadcasts();
		assertThat(report.instance()).isEqualTo(this.second.getBean(DeliveryEngine.class).origin());
		assertThat(report.routes()).anySatisfy((route) -> {
			assertThat(route.signal()).isEqualTo("post_save");
			assertThat(route.destination()).isEqualTo("every instance");
			assertThat(route.received()).isGreaterThanOrEqualTo(2);
			assertThat(route.lastReceived()).isNotNull();
		});
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

	@Test
	void broadcastContinuesTheSendersTraceInEveryInstance() {
		String title = unique("Traced");
		Tracer tracer = this.first.getBean(Tracer.class);
		Span request = tracer.nextSpan().name("request").start();
		try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
			save(this.first, title);
		}
		finally {
			request.end();
		}
		awaitEvictedEverywhere(title);
		String trace = request.context().traceId();
		assertThat(ClusterInstance.traces).filteredOn((line) -> line.contains(title))
			.containsExactlyInAnyOrder("first: " + title + ": " + trace, "second: " + title + ": " + trace);
	}

	@Test
	void externalizedSignalIsPublishedAfterCommitToItsDestinationUnderItsKey() throws Exception {
		Signal orderConfirmed = this.first.getBean(ClusterInstance.OrderConfirmed.class);
		String rolledBack = unique("order");
		String order = unique("order");
		TransactionTemplate transactions = new TransactionTemplate(
				this.first.getBean(PlatformTransactionManager.class));
		transactions.executeWithoutResult((status) -> {
			orderConfirmed.send(null, Map.of("order", rolledBack, "customer", "ada"));
			status.setRollbackOnly();
		});
		transactions
			.executeWithoutResult((status) -> orderConfirmed.send(null, Map.of("order", order, "customer", "grace")));
		Published message = await().atMost(Duration.ofSeconds(30))
			.until(() -> publishedTo(ORDERS).stream()
				.filter((published) -> published.body().contains(order))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
		assertThat(message.key()).isEqualTo("grace");
		JsonNode envelope = new ObjectMapper().readTree(message.body());
		assertThat(envelope.path("format").asInt()).isEqualTo(1);
		assertThat(envelope.path("signal").asString()).isEqualTo("order_confirmed");
		assertThat(envelope.path("arguments").path("order").asString()).isEqualTo(order);
		assertThat(envelope.path("arguments").path("customer").asString()).isEqualTo("grace");
		assertThat(envelope.path("origin").asString()).isEqualTo(this.first.getBean(DeliveryEngine.class).origin());
		assertThat(envelope.has("receiver")).isFalse();
		assertThat(message.headers()).containsEntry("signal", "order_confirmed")
			.containsEntry("delivery-id", envelope.path("id").asString())
			.containsEntry("origin", envelope.path("origin").asString())
			.containsKeys("time", "traceparent");
		assertThat(publishedTo(ORDERS)).noneMatch((published) -> published.body().contains(rolledBack));
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
				"--spring.jpa.hibernate.ddl-auto=update", "--signals.durable.initialize-schema=always",
				"--signals.durable.first-retry-delay=500ms", "--signals.durable.max-retry-delay=2s",
				"--signals.durable.polling-interval=500ms", "--management.tracing.sampling.probability=1.0",
				"--signals.cluster.externalize.order_confirmed.destination=" + ORDERS,
				"--signals.cluster.externalize.order_confirmed.key=#customer"));
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
