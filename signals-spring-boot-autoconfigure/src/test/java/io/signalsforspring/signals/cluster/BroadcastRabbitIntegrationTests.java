package io.signalsforspring.signals.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.durable.DeliveryFilter;
import io.signalsforspring.signals.durable.DeliveryOperations;
import org.springframework.amqp.core.Binding;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broadcast contract over the real RabbitMQ of this machine (127.0.0.1:5672), and a
 * broker outage that delays a broadcast and loses nothing. Needs the broker: run by the
 * integration run of {@code .ci/run}, where an unreachable broker fails the run.
 */
class BroadcastRabbitIntegrationTests extends BroadcastContractTests {

	private final CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);

	/**
	 * Durable, like the exchange, so that the outage test's broker restart keeps them.
	 */
	private final Queue otherService = QueueBuilder.durable("signals-tests.other-service").expires(600_000).build();

	private final List<Published> published = new CopyOnWriteArrayList<>();

	/**
	 * Declare the exchange of externalized orders, as an application does, and the queue
	 * of another service that reads it.
	 */
	@Override
	protected List<String> brokerArguments() {
		RabbitAdmin admin = new RabbitAdmin(this.connections);
		TopicExchange orders = new TopicExchange(ORDERS, true, false);
		admin.declareExchange(orders);
		admin.declareQueue(this.otherService);
		admin.declareBinding(BindingBuilder.bind(this.otherService).to(orders).with("#"));
		return List.of("--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672",
				"--spring.rabbitmq.listener.simple.recovery-interval=1s");
	}

	@Override
	protected List<Published> publishedTo(String destination) {
		RabbitTemplate rabbit = new RabbitTemplate(this.connections);
		Message message;
		while ((message = rabbit.receive(this.otherService.getName())) != null) {
			Map<String, String> headers = new HashMap<>();
			message.getMessageProperties()
				.getHeaders()
				.forEach((name, value) -> headers.put(name, String.valueOf(value)));
			this.published.add(new Published(message.getMessageProperties().getReceivedRoutingKey(),
					new String(message.getBody(), StandardCharsets.UTF_8), headers));
		}
		return this.published;
	}

	@AfterAll
	void closeConnections() {
		this.connections.destroy();
	}

	@Test
	void brokerOutageDelaysABroadcastAndLosesNothing() throws Exception {
		rabbitmqctl("stop_app");
		String title = unique("During the outage");
		try {
			save(this.first, title);
			Thread.sleep(1000);
			assertThat(ClusterInstance.evictions).as("the sender ran it after its commit; nothing can be published yet")
				.containsExactly("first: " + title);
		}
		finally {
			rabbitmqctl("start_app");
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(ClusterInstance.evictions).containsExactlyInAnyOrder("first: " + title,
					"second: " + title));
	}

	/**
	 * With no queue bound to the exchange, RabbitMQ returns the message as unroutable:
	 * the publish fails visibly and the send stays in the outbox (it used to be
	 * acknowledged and deleted), and it reaches the other service once its queue is bound
	 * again.
	 */
	@Test
	void unroutableMessageIsKeptAndCountedNotDeletedAsSent() {
		RabbitAdmin admin = new RabbitAdmin(this.connections);
		Binding binding = BindingBuilder.bind(this.otherService).to(new TopicExchange(ORDERS, true, false)).with("#");
		admin.removeBinding(binding);
		String order = unique("unroutable order");
		try {
			Signal orderConfirmed = this.first.getBean(ClusterInstance.OrderConfirmed.class);
			new TransactionTemplate(this.first.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> orderConfirmed.send(null, Map.of("order", order, "customer", "lin")));
			DeliveryOperations operations = this.first.getBean(DeliveryOperations.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> operations.list(new DeliveryFilter("externalize:" + ORDERS, null, null, null), 10, null)
					.deliveries()
					.stream()
					.anyMatch(
							(delivery) -> delivery.lastError() != null && delivery.lastError().contains("unroutable")));
			assertThat(failedPublishes()).isPositive();
		}
		finally {
			admin.declareBinding(binding);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> publishedTo(ORDERS).stream().anyMatch((published) -> published.body().contains(order)));
	}

	private double failedPublishes() {
		return this.first.getBean(MeterRegistry.class).get("signals.broadcasts.failed").counter().count()
				+ this.second.getBean(MeterRegistry.class).get("signals.broadcasts.failed").counter().count();
	}

	/**
	 * Run a rabbitmqctl command. The CLI now and then fails to reach a running node (exit
	 * code 69, "unable to perform an operation on node") when the machine is busy: it is
	 * tried again, up to five times.
	 */
	private static void rabbitmqctl(String command) throws Exception {
		int exit = -1;
		for (int attempt = 1; attempt <= 5 && exit != 0; attempt++) {
			if (attempt > 1) {
				Thread.sleep(2000);
			}
			exit = new ProcessBuilder("rabbitmqctl", command).inheritIO().start().waitFor();
		}
		assertThat(exit).as("rabbitmqctl " + command).isZero();
	}

}
