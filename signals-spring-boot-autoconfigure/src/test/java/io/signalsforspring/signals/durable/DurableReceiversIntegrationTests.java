package io.signalsforspring.signals.durable;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.DurableReceivers;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import io.signalsforspring.signals.spring.micrometer.ObservedReceivers;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Durable receivers against a real SMTP server (GreenMail) and the database of the run
 * (H2 by default, PostgreSQL in the integration run): what commits is delivered, also
 * after an SMTP outage and by the next instance; what rolls back records nothing; what
 * keeps failing is kept as failed; what cannot be read is quarantined without blocking
 * others. Each "instance" is an application context of its own on the same database.
 */
@ExtendWith(OutputCaptureExtension.class)
class DurableReceiversIntegrationTests {

	private final int smtpPort = freePort();

	private GreenMail smtp;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeEach
	void startSmtpServer() {
		this.smtp = smtpServer();
		this.smtp.start();
	}

	@AfterEach
	void stopEverything() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.smtp.stop();
		DurableInstance.runs.clear();
		DurableInstance.processed.clear();
		DurableInstance.fixed.set(false);
	}

	@Test
	void runsOnTheDatabaseTheBuildAskedFor() throws Exception {
		ConfigurableApplicationContext instance = startInstance();
		try (java.sql.Connection connection = instance.getBean(javax.sql.DataSource.class).getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).containsIgnoringCase(
					System.getProperty("signals.test.database", "h2").replace("postgresql", "postgres"));
		}
	}

	@Test
	void theHealthOfDeliveriesCountsTheFailedOnesAndStaysUp() {
		ConfigurableApplicationContext instance = startInstance();
		ping(instance, "fail for the health");
		DeliveriesHealthIndicator indicator = instance.getBean(DeliveriesHealthIndicator.class);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(indicator.health().getDetails()).containsEntry("failed", 1));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(indicator.health().getDetails()).containsKeys("pending", "oldestPendingAge");
	}

	@Test
	void eachDeliveryIsTimedWhereItRunsWithItsError() {
		ConfigurableApplicationContext instance = startInstance();
		ping(instance, "timed");
		ping(instance, "fail until fixed");
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.runs.size() == 2);
		MeterRegistry meters = instance.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(meters.find(ObservedReceivers.OBSERVATION)
				.tags("signal", "ping", "mode", "durable", "phase", "AFTER_COMMIT")
				.timers()).extracting((timer) -> timer.getId().getTag("error"))
				.contains("none", "IllegalStateException"));
	}

	@Test
	void rowsOfTasksThisInstanceDoesNotKnowAreNeverClaimed() throws Exception {
		ConfigurableApplicationContext instance = startInstance();
		insertDueRow(instance, "another-application", "theirs", "{}", null);
		try {
			// the delivery and the relay scheduler each poll a few times (every 200 ms)
			ping(instance, "after the foreign row");
			await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.runs.size() == 1);
			Thread.sleep(1500);
			assertThat(jdbc(instance).queryForObject(
					"select picked from signals_delivery where task_name = 'another-application'", Boolean.class))
				.as("the other application's row is still unclaimed")
				.isFalse();
		}
		finally {
			jdbc(instance).update("delete from signals_delivery where task_name = 'another-application'");
		}
	}

	@Test
	void createdArticleIsEmailedRightAfterCommitAndTheRecordIsDeleted() throws Exception {
		ConfigurableApplicationContext instance = startInstance();
		save(instance, "Durable hello");
		assertThat(this.smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage email = this.smtp.getReceivedMessages()[0];
		assertThat(email.getSubject()).isEqualTo("Durable hello");
		assertThat(email.getContent().toString()).startsWith("Delivery ");
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(instance) == 0);
	}

	@Test
	void deletedEntityReachesItsPostDeleteReceiverAsADetachedInstanceWithItsId() {
		ConfigurableApplicationContext instance = startInstance();
		DurableInstance.deleted.clear();
		Article article = save(instance, "Deleted later");
		// its post_save delivery first: run after the delete, it would find the
		// article gone and be kept as quarantined
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(instance) == 0);
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			EntityManager entityManager = instance.getBean(EntityManager.class);
			entityManager.remove(entityManager.find(Article.class, article.getId()));
		});
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(DurableInstance.deleted).containsExactly(article.getId() + " null"));
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(instance) == 0);
	}

	@Test
	void rolledBackTransactionRecordsNoDelivery() {
		ConfigurableApplicationContext instance = startInstance();
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			instance.getBean(EntityManager.class).persist(new Article("Never committed"));
			instance.getBean(EntityManager.class).flush();
			status.setRollbackOnly();
		});
		assertThat(deliveries(instance)).isZero();
		assertThat(this.smtp.getReceivedMessages()).isEmpty();
	}

	@Test
	void deliveriesOfOneTransactionAreWrittenTogetherAtTheEndOfItsBeforeCommitPhase() {
		ConfigurableApplicationContext instance = startInstance();
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult((status) -> {
			for (int i = 0; i < 5; i++) {
				instance.getBean(Ping.class)
					.send(DurableReceiversIntegrationTests.class, Map.of("text", "batched " + i));
			}
			assertThat(deliveries(instance)).as("not written one by one").isZero();
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.size() == 5);
	}

	@Test
	void entitySavedAtCommitIsDeliveredAlsoWithoutTheBridgesBeforeCommitFlush() throws Exception {
		ConfigurableApplicationContext instance = startInstance("--signals.jpa.before-commit-flush=false");
		save(instance, "Flushed by the commit itself");
		assertThat(this.smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		assertThat(this.smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Flushed by the commit itself");
	}

	@Test
	void smtpOutageThenRecoveryDeliversEveryEmail() throws Exception {
		this.smtp.stop();
		ConfigurableApplicationContext instance = startInstance();
		for (int i = 1; i <= 3; i++) {
			save(instance, "Written during the outage " + i);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> failedAtLeastOnce(instance) == 3);
		this.smtp = smtpServer();
		this.smtp.start();
		assertThat(this.smtp.waitForIncomingEmail(30_000, 3)).isTrue();
		assertThat(subjects()).containsExactlyInAnyOrder("Written during the outage 1", "Written during the outage 2",
				"Written during the outage 3");
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(instance) == 0);
	}

	@Test
	void deliveryLeftByAStoppedInstanceIsDeliveredByTheNextOne() throws Exception {
		this.smtp.stop();
		ConfigurableApplicationContext first = startInstance();
		save(first, "Saved before the restart");
		await().atMost(Duration.ofSeconds(20)).until(() -> failedAtLeastOnce(first) == 1);
		first.close();
		this.smtp = smtpServer();
		this.smtp.start();
		ConfigurableApplicationContext second = startInstance();
		assertThat(this.smtp.waitForIncomingEmail(30_000, 1)).isTrue();
		assertThat(this.smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Saved before the restart");
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(second) == 0);
	}

	@Test
	void deliveryThatKeepsFailingIsKeptAsFailedWithItsLastError() {
		ConfigurableApplicationContext instance = startInstance();
		ping(instance, "fail always");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> stored(instance).stream().anyMatch((text) -> text.contains("\"state\":\"failed\"")));
		Map<String, Object> row = jdbc(instance).queryForMap(
				"select consecutive_failures, task_data from signals_delivery where task_name = ?", "application");
		assertThat(row.get("consecutive_failures")).isEqualTo(3);
		assertThat(executionTimes(instance)).singleElement()
			.satisfies((time) -> assertThat(time).isAfter(Instant.parse("9000-01-01T00:00:00Z")));
		assertThat(new String((byte[]) row.get("task_data"), StandardCharsets.UTF_8))
			.contains("asked to fail: fail always");
		assertThat(DurableInstance.runs.values()).singleElement()
			.extracting(AtomicInteger::get)
			.as("attempts, then no more")
			.isEqualTo(3);
	}

	@Test
	void operatorSeesAFailedDeliveryRetriesItOnceFixedAndMetricsFollow() {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "fail until fixed");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> all(operations).stream().anyMatch((delivery) -> delivery.state().equals("failed")));
		Delivery failed = all(operations).get(0);
		assertThat(failed.signal()).isEqualTo("ping");
		assertThat(failed.receiver()).endsWith("#ping(String, String)");
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.nextAttempt()).isNull();
		assertThat(failed.lastError()).contains("asked to fail: fail until fixed");
		MeterRegistry meters = instance.getBean(MeterRegistry.class);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> meters.get("signals.deliveries.failed").gauge().value() == 1.0);
		assertThat(meters.get("signals.deliveries.attempts").counter().count()).isEqualTo(3.0);
		assertThat(meters.get("signals.deliveries.failures").counter().count()).isEqualTo(3.0);
		DurableInstance.fixed.set(true);
		assertThat(operations.retry(failed.id())).isEqualTo(DeliveryOperations.Outcome.DONE_NOW);
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.contains(failed.id()));
		await().atMost(Duration.ofSeconds(10)).until(() -> all(operations).isEmpty());
		assertThat(operations.retry(failed.id())).as("done and deleted, nothing to retry")
			.isEqualTo(DeliveryOperations.Outcome.NOT_FOUND);
	}

	@Test
	void operatorDiscardsADeliveryThatWillNeverSucceed() {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "fail always");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> all(operations).stream().anyMatch((delivery) -> delivery.state().equals("failed")));
		assertThat(operations.discard(all(operations).get(0).id())).isEqualTo(DeliveryOperations.Outcome.DONE_NOW);
		assertThat(all(operations)).isEmpty();
		assertThat(deliveries(instance)).isZero();
	}

	@Test
	void deliveryClaimedByAnInstanceThatDiedIsTakenOverWhenItsClaimExpires() {
		ConfigurableApplicationContext live = startInstance();
		String record = "{\"format\":1,\"id\":\"left-by-the-dead\",\"signal\":\"ping\",\"receiver\":\""
				+ DurableInstance.Receivers.class.getName() + "#ping(String, String)\",\"sentAt\":\"" + Instant.now()
				+ "\",\"sender\":null,\"arguments\":{\"text\":\"left by the dead\"},\"state\":\"pending\"}";
		insertDueRow(live, "application", "left-by-the-dead", record, "dead-instance");
		await().atMost(Duration.ofSeconds(30)).until(() -> DurableInstance.processed.contains("left-by-the-dead"));
		assertThat(DurableInstance.runs.get("left-by-the-dead")).hasValue(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(live) == 0);
	}

	@Test
	void receiverConnectedInCodeIsDurableToo() {
		ConfigurableApplicationContext instance = startInstance();
		List<String> received = new CopyOnWriteArrayList<>();
		try (Connection connection = instance.getBean(DurableReceivers.class)
			.connect(instance.getBean(Ping.class), "tests.fromCode", (event) -> {
				received.add(event.get("text") + " " + event.get("delivery_id"));
				return null;
			})) {
			ping(instance, "connected in code");
			await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
			assertThat(received.get(0)).startsWith("connected in code ").doesNotEndWith("null");
		}
	}

	@Test
	void doneDeliveriesAreKeptForTheConfiguredTimeThenDeleted() {
		ConfigurableApplicationContext instance = startInstance("--signals.durable.keep-done-for=2s");
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "kept for a while");
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stored(instance).stream().anyMatch((text) -> text.contains("\"state\":\"done\"")));
		assertThat(all(operations)).as("done deliveries are not listed").isEmpty();
		assertThat(operations.summary().pending()).isZero();
		assertThat(operations.summary().failed()).isZero();
		await().atMost(Duration.ofSeconds(15)).until(() -> deliveries(instance) == 0);
	}

	@Test
	void unreadableRecordIsQuarantinedAndOthersAreStillDelivered() {
		ConfigurableApplicationContext instance = startInstance();
		jdbc(instance).update(
				"insert into signals_delivery (task_name, task_instance, task_data, execution_time, picked, version) "
						+ "values (?, ?, ?, ?, false, 1)",
				"application", "broken", "{not json".getBytes(StandardCharsets.UTF_8), Timestamp.from(Instant.now()));
		ping(instance, "after the broken one");
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.size() == 1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> stored(instance).stream().anyMatch((text) -> text.contains("\"state\":\"quarantined\"")));
		assertThat(stored(instance)).singleElement()
			.asString()
			.contains("the record is not JSON")
			.contains("{not json");
	}

	@Test
	void twoInstancesOnOneDatabaseRunEachDeliveryOnce() {
		ConfigurableApplicationContext first = startInstance();
		ConfigurableApplicationContext second = startInstance();
		for (int i = 0; i < 40; i++) {
			ping((i % 2 == 0) ? first : second, "ping " + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> DurableInstance.processed.size() == 40);
		await().atMost(Duration.ofSeconds(10)).until(() -> deliveries(first) == 0);
		assertThat(DurableInstance.runs).hasSize(40);
		assertThat(DurableInstance.runs.values()).allSatisfy((runs) -> assertThat(runs.get()).isEqualTo(1));
	}

	@Test
	void retriedDeliveryThatStillFailsCountsItsAttemptsAfreshAndKeepsItsHistory() {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "fail always");
		await().atMost(Duration.ofSeconds(20)).until(() -> failedCount(operations) == 1);
		Delivery failed = all(operations).get(0);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(operations.retry(failed.id())).isEqualTo(DeliveryOperations.Outcome.DONE_NOW);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> DurableInstance.runs.get(failed.id()).get() == 6 && failedCount(operations) == 1);
		Delivery again = operations.get(failed.id()).orElseThrow();
		assertThat(again.attempts()).as("counted afresh after the retry, never negative").isEqualTo(3);
		assertThat(again.history()).hasSize(6).allSatisfy((failure) -> {
			assertThat(failure.error()).contains("asked to fail");
			assertThat(failure.time()).isNotNull();
		});
		assertThat(again.history()).extracting(Delivery.Failure::attempt).containsExactly(1, 2, 3, 1, 2, 3);
		assertThat(DurableInstance.runs.get(failed.id())).as("three attempts after the retry, not six").hasValue(6);
	}

	@Test
	void doneDeliveryIsNotRetriedAndTheEndpointAnswersConflict() {
		ConfigurableApplicationContext instance = startInstance("--signals.durable.keep-done-for=1h");
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "done once");
		await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.size() == 1);
		String id = DurableInstance.processed.iterator().next();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> operations.get(id).map(Delivery::state).orElse("").equals("done"));
		assertThat(operations.retry(id)).isEqualTo(DeliveryOperations.Outcome.ALREADY_DONE);
		assertThat(new DeliveriesEndpoint(operations).retry(id).getStatus()).isEqualTo(409);
		assertThat(new DeliveriesEndpoint(operations).retry("no-such-delivery").getStatus()).isEqualTo(404);
		assertThat(DurableInstance.runs.get(id)).hasValue(1);
	}

	@Test
	void instanceWithoutTheReceiverGivesItsDeliveriesBackDuringARollingDeploy() {
		ConfigurableApplicationContext older = startInstance(OlderInstance.class);
		ConfigurableApplicationContext newer = startInstance();
		for (int i = 0; i < 10; i++) {
			ping(newer, "deployed " + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> DurableInstance.processed.size() == 10);
		assertThat(older.getBean(DeliveryOperations.class).summary().failed()).as("none quarantined").isZero();
	}

	@Test
	void deliveryNoInstanceKnowsIsQuarantinedAfterTheGracePeriodNamingTheInstances() {
		ConfigurableApplicationContext older = startInstance(OlderInstance.class,
				"--signals.durable.unknown-receiver-grace=1s");
		DeliveryOperations operations = older.getBean(DeliveryOperations.class);
		older.getBean(DeliveryEngine.class)
			.record(new io.signalsforspring.signals.spring.internal.ConnectedReceiver(older.getBean(Ping.class),
					"newer#ping(String)", (event) -> null),
					SignalEvent.of(older.getBean(Ping.class), null, Map.of("text", "for the newer version")));
		await().atMost(Duration.ofSeconds(20)).until(() -> operations.summary().failed() == 1);
		Delivery quarantined = all(operations).get(0);
		assertThat(quarantined.state()).isEqualTo("quarantined");
		assertThat(quarantined.lastError()).contains("newer#ping(String)")
			.contains(older.getBean(DeliveryEngine.class).instance());
	}

	@Test
	void stuckBrokerPublicationsDoNotDelayDurableReceivers() throws Exception {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryEngine engine = instance.getBean(DeliveryEngine.class);
		Ping signal = instance.getBean(Ping.class);
		java.util.concurrent.CountDownLatch broker = new java.util.concurrent.CountDownLatch(1);
		io.signalsforspring.signals.spring.internal.DurableReceiver relay = engine.registerRelay(signal, "test:stuck",
				new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(100)), (envelope) -> {
					try {
						broker.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				});
		try {
			for (int i = 0; i < 8; i++) {
				engine.record(relay, SignalEvent.of(signal, null, Map.of("text", "stuck " + i)), Outgoing.NONE);
			}
			for (int i = 0; i < 5; i++) {
				ping(instance, "not held up " + i);
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> DurableInstance.processed.size() == 5);
		}
		finally {
			broker.countDown();
		}
	}

	@Test
	void operatorPagesThroughDeliveriesAndRetriesOrDiscardsThemInBulk() {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		for (int i = 0; i < 7; i++) {
			ping(instance, "fail in bulk " + i);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> failedCount(operations) == 7);
		DeliveryOperations.Page first = operations.list(DeliveryFilter.ALL, 3, null);
		DeliveryOperations.Page second = operations.list(DeliveryFilter.ALL, 3, first.next());
		DeliveryOperations.Page third = operations.list(DeliveryFilter.ALL, 3, second.next());
		assertThat(first.deliveries()).hasSize(3);
		assertThat(second.deliveries()).hasSize(3);
		assertThat(third.deliveries()).hasSize(1);
		assertThat(third.next()).isNull();
		String receiver = first.deliveries().get(0).receiver();
		assertThat(operations.list(new DeliveryFilter(null, "no_such_signal", null, null), 10, null).deliveries())
			.isEmpty();
		assertThat(operations.retryAll(new DeliveryFilter(receiver, "ping", "failed", null))).isEqualTo(7);
		await().atMost(Duration.ofSeconds(30)).until(() -> failedCount(operations) == 7);
		assertThatThrownBy(() -> operations.discardAll(DeliveryFilter.ALL))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(operations.discardAll(new DeliveryFilter(receiver, null, null, Duration.ZERO))).isEqualTo(7);
		assertThat(deliveries(instance)).isZero();
	}

	@Test
	void failedDeliveriesAreDeletedAfterTheirRetention() {
		ConfigurableApplicationContext instance = startInstance("--signals.durable.keep-failed-for=2s");
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "fail and be forgotten");
		await().atMost(Duration.ofSeconds(20)).until(() -> failedCount(operations) == 1);
		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(instance) == 0);
	}

	@Test
	void envelopeFromTheBrokerThatDoesNotFitItsReceiverIsRefusedAndNothingRuns() throws Exception {
		ConfigurableApplicationContext instance = startInstance();
		DeliveryEngine engine = instance.getBean(DeliveryEngine.class);
		Article article = save(instance, "Not a text");
		List<Object> ran = new CopyOnWriteArrayList<>();
		io.signalsforspring.signals.spring.internal.DurableReceiver receiver = new io.signalsforspring.signals.spring.internal.ConnectedReceiver(
				instance.getBean(Ping.class), "tests#texts(String)", (event) -> ran.add(event.get("text")));
		String good = envelope("{}", "{\"text\":\"hello\"}");
		engine.run(receiver, engine.read(good));
		assertThat(ran).containsExactly("hello");
		for (String bad : List.of(envelope("{}", "{\"text\":{\"@entity\":\"Article\",\"id\":" + article.getId() + "}}"),
				envelope("{\"@type\":\"java.lang.Runtime\"}", "{\"text\":\"x\"}"),
				envelope("{}", "{\"text\":\"x\",\"command\":\"rm\"}"), "{\"not\":\"an envelope\"}")) {
			assertThatThrownBy(() -> engine.run(receiver, engine.read(bad))).as(bad)
				.isInstanceOf(RefusedMessageException.class);
		}
		assertThat(ran).containsExactly("hello");
	}

	private static String envelope(String sender, String arguments) {
		return "{\"format\":1,\"id\":\"" + java.util.UUID.randomUUID() + "\",\"signal\":\"ping\",\"receiver\":"
				+ "\"tests#texts(String)\",\"sender\":" + sender + ",\"arguments\":" + arguments
				+ ",\"origin\":\"elsewhere\",\"time\":\"" + Instant.now() + "\"}";
	}

	@Test
	void attemptPastItsTimeoutIsInterruptedAndCountsAsAFailedAttempt() {
		ConfigurableApplicationContext instance = startInstance("--signals.durable.attempt-timeout=300ms");
		DeliveryOperations operations = instance.getBean(DeliveryOperations.class);
		ping(instance, "hang");
		await().atMost(Duration.ofSeconds(20)).until(() -> failedCount(operations) == 1);
		Delivery failed = all(operations).get(0);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.lastError()).contains("did not finish within PT0.3S");
	}

	@Test
	void applicationWithoutANameIsWarnedThatItsGroupIsShared(CapturedOutput output) {
		startInstance("--logging.level.io.signalsforspring.signals.durable=WARN");
		assertThat(output.getOut()).contains("stored under the group 'application'")
			.contains("set spring.application.name");
	}

	private static long failedCount(DeliveryOperations operations) {
		return all(operations).stream().filter((delivery) -> delivery.state().equals("failed")).count();
	}

	private ConfigurableApplicationContext startInstance(String... more) {
		return startInstance(DurableInstance.class, more);
	}

	private ConfigurableApplicationContext startInstance(Class<?> application, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.jpa.hibernate.ddl-auto=update",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtpPort,
				"--spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"--spring.mail.properties.mail.smtp.timeout=2000", "--signals.durable.initialize-schema=always",
				"--signals.durable.first-retry-delay=200ms", "--signals.durable.max-retry-delay=500ms",
				"--signals.durable.polling-interval=200ms", "--signals.durable.heartbeat-interval=1s"));
		arguments.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			// The database of the run (a system property in the integration run) wins
			// over
			// this default; the rest beats the test application.properties (create-drop).
			.properties("spring.datasource.url=jdbc:h2:mem:durable;DB_CLOSE_DELAY=-1")
			.run(arguments.toArray(String[]::new));
		if (this.instances.isEmpty()) {
			jdbc(context)
				.update("delete from signals_delivery where task_name in ('application', 'application-relay')");
		}
		this.instances.add(context);
		return context;
	}

	private static Article save(ConfigurableApplicationContext instance, String title) {
		Article article = new Article(title);
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> instance.getBean(EntityManager.class).persist(article));
		return article;
	}

	private static void ping(ConfigurableApplicationContext instance, String text) {
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> instance.getBean(Ping.class)
				.send(DurableReceiversIntegrationTests.class, Map.of("text", text)));
	}

	/**
	 * Write a row of the table by hand, due a minute ago, in UTC as db-scheduler writes
	 * zone-less times; claimed by {@code pickedBy} (with its last heartbeat a minute ago)
	 * or unclaimed.
	 */
	private static void insertDueRow(ConfigurableApplicationContext instance, String task, String id, String data,
			@Nullable String pickedBy) {
		Timestamp aMinuteAgo = Timestamp.from(Instant.now().minusSeconds(60));
		Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
		jdbc(instance).update(
				"insert into signals_delivery (task_name, task_instance, task_data, execution_time, "
						+ "picked, picked_by, last_heartbeat, version) values (?, ?, ?, ?, ?, ?, ?, 1)",
				(statement) -> {
					statement.setString(1, task);
					statement.setString(2, id);
					statement.setBytes(3, data.getBytes(StandardCharsets.UTF_8));
					statement.setTimestamp(4, aMinuteAgo, utc);
					statement.setBoolean(5, pickedBy != null);
					statement.setString(6, pickedBy);
					if (pickedBy != null) {
						statement.setTimestamp(7, aMinuteAgo, utc);
					}
					else {
						statement.setNull(7, Types.TIMESTAMP);
					}
				});
	}

	private static JdbcTemplate jdbc(ConfigurableApplicationContext instance) {
		return new JdbcTemplate(instance.getBean(javax.sql.DataSource.class));
	}

	private static int deliveries(ConfigurableApplicationContext instance) {
		Integer count = jdbc(instance)
			.queryForObject("select count(*) from signals_delivery where task_name = 'application'", Integer.class);
		return (count != null) ? count : -1;
	}

	private static int failedAtLeastOnce(ConfigurableApplicationContext instance) {
		Integer count = jdbc(instance).queryForObject(
				"select count(*) from signals_delivery where task_name = 'application' and consecutive_failures >= 1",
				Integer.class);
		return (count != null) ? count : -1;
	}

	private static List<Instant> executionTimes(ConfigurableApplicationContext instance) {
		return jdbc(instance).query("select execution_time from signals_delivery where task_name = 'application'",
				(row, i) -> row.getTimestamp(1, Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant());
	}

	private static List<String> stored(ConfigurableApplicationContext instance) {
		return jdbc(instance).query("select task_data from signals_delivery where task_name = 'application'",
				(row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8));
	}

	private List<String> subjects() throws Exception {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			subjects.add(message.getSubject());
		}
		return subjects;
	}

	private GreenMail smtpServer() {
		return new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Delivery> all(DeliveryOperations operations) {
		return operations.list(DeliveryFilter.ALL, DeliveryOperations.MAX_PAGE, null).deliveries();
	}

}
