package io.signalsforspring.signals.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.BroadcastReceivers;

import io.signalsforspring.signals.durable.Article;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * An application with Spring AMQP and Spring for Apache Kafka on its class path whose
 * properties point at no broker: a single instance runs its receivers that run in every
 * instance itself, after commit, and says so; externalizing a signal with nowhere to
 * publish it fails at start-up, and so does a mistyped externalization (before any
 * connection to the broker).
 */
class ClusterStartupTests {

	@Test
	void receiverThatRunsInEveryInstanceRunsInThisOneAfterCommit() {
		try (ConfigurableApplicationContext instance = start()) {
			instance.setId("alone");
			ClusterInstance.evictions.clear();
			new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
				.executeWithoutResult((status) -> {
					instance.getBean(EntityManager.class).persist(new Article("Single instance"));
					instance.getBean(EntityManager.class).flush();
					assertThat(ClusterInstance.evictions).as("not before the commit").isEmpty();
				});
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(ClusterInstance.evictions).containsExactly("alone: Single instance"));
			assertThat(instance.getBeansOfType(Broadcasts.class)).isEmpty();
			assertThat(instance.getBean(BroadcastsEndpoint.class).broadcasts().broker()).isEqualTo("none");
		}
	}

	@Test
	void receiverConnectedInCodeWithoutBrokerRunsInThisInstanceAfterCommit() {
		try (ConfigurableApplicationContext instance = start()) {
			List<String> calls = new CopyOnWriteArrayList<>();
			try (Connection connection = instance.getBean(BroadcastReceivers.class)
				.connect(instance.getBean(PostSave.class), Article.class, "tests.alone",
						(event) -> calls.add(((Article) event.get("instance")).getTitle()))) {
				assertThat(connection.isConnected()).isTrue();
				new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
					.executeWithoutResult((status) -> {
						instance.getBean(EntityManager.class).persist(new Article("From code, alone"));
						instance.getBean(EntityManager.class).flush();
						assertThat(calls).as("not before the commit").isEmpty();
					});
				assertThat(calls).containsExactly("From code, alone");
			}
		}
	}

	@Test
	void externalizedSignalWithoutBrokerFailsAtStartUp() {
		assertThatException()
			.isThrownBy(() -> start("--signals.cluster.externalize.order_confirmed.destination=orders"))
			.withStackTraceContaining("signals.cluster.externalize names [order_confirmed] but no broker carries them")
			.withStackTraceContaining("spring.rabbitmq.host or spring.kafka.bootstrap-servers");
	}

	@Test
	void externalizingAnUnknownSignalFailsAtStartUpNamingIt() {
		assertThatException()
			.isThrownBy(() -> start("--spring.rabbitmq.host=127.0.0.1",
					"--signals.cluster.externalize.order_confirmd.destination=orders"))
			.withStackTraceContaining("signals.cluster.externalize.order_confirmd: no signal is named 'order_confirmd'")
			.withStackTraceContaining("order_confirmed");
	}

	@Test
	void externalizedKeyThatIsNotSpelFailsAtStartUpNamingIt() {
		assertThatException()
			.isThrownBy(() -> start("--spring.rabbitmq.host=127.0.0.1",
					"--signals.cluster.externalize.order_confirmed.destination=orders",
					"--signals.cluster.externalize.order_confirmed.key=#customer +"))
			.withStackTraceContaining(
					"signals.cluster.externalize.order_confirmed.key \"#customer +\" is not valid SpEL");
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		return new SpringApplicationBuilder(ClusterInstance.class).web(WebApplicationType.NONE)
			.properties("spring.datasource.url=jdbc:h2:mem:without-broker;DB_CLOSE_DELAY=-1",
					"spring.jpa.hibernate.ddl-auto=update", "signals.durable.initialize-schema=always",
					"spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=signalbroadcasts")
			.run(arguments);
	}

}
