package io.signalsforspring.signals.faults;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults of a real process: {@link FaultyApplication} runs as a JVM of its own on the
 * database of the run (an H2 file by default, PostgreSQL in the integration run), and its
 * receivers stop that JVM with {@code Runtime.halt}, as an out-of-memory error or a
 * native crash would. A supervisor (this test) starts it again after each death, as a
 * container platform does.
 */
class ProcessFaultTests {

	private static final int MAX_STARTS = 8;

	private final List<Process> processes = new ArrayList<>();

	private final String group = "faults-" + UUID.randomUUID().toString().substring(0, 8);

	/** Logs and the H2 database, kept under target/ for a look after a failure. */
	private final Path directory = Path.of("target", "process-faults", this.group).toAbsolutePath();

	private EmbeddedKafkaKraftBroker kafka;

	/** On a failure, the end of each process's log: what it did is the evidence. */
	@RegisterExtension
	final TestWatcher logs = new TestWatcher() {

		@Override
		public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
			for (int i = 0; i < ProcessFaultTests.this.processes.size(); i++) {
				Path log = ProcessFaultTests.this.directory.resolve("process-" + i + ".log");
				try {
					List<String> lines = Files.readAllLines(log);
					System.out.println("=== " + log + " (last 80 lines)");
					lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
				}
				catch (java.io.IOException ex) {
					System.out.println("=== " + log + ": " + ex);
				}
			}
		}

	};

	@AfterEach
	void stop() {
		this.processes.forEach(Process::destroyForcibly);
		if (this.kafka != null) {
			this.kafka.destroy();
		}
	}

	@Test
	void deliveryThatHaltsTheJvmIsQuarantinedAfterMaxAttemptsDeathsAndEveryOtherDeliveryRunsOnce() throws Exception {
		Process process = start("--send=pings");
		int deaths = 0;
		for (int starts = 1; starts <= MAX_STARTS; starts++) {
			Process running = process;
			await().atMost(Duration.ofSeconds(90)).until(() -> !running.isAlive() || pingsSettled());
			if (pingsSettled()) {
				break;
			}
			deaths++;
			process = start();
		}
		assertThat(pingsSettled()).as("after %d deaths: %s", deaths, rows()).isTrue();
		assertThat(deaths).as("deaths before the poison delivery was quarantined").isBetween(1, 3);
		for (int i = 1; i <= 10; i++) {
			assertThat(effects("healthy " + i)).as("runs of healthy " + i).isEqualTo(1);
		}
		String poison = poisonRecord();
		assertThat(poison).contains("\"state\":\"quarantined\"").contains("stopped " + deaths + " times");
	}

	@Test
	void sendingInstancesOwnBroadcastRunSurvivesACrashRightAfterTheCommit() throws Exception {
		this.kafka = new EmbeddedKafkaKraftBroker(1, 1);
		this.kafka.kafkaPorts(0);
		this.kafka.afterPropertiesSet();
		String[] broker = { "--spring.kafka.bootstrap-servers=" + this.kafka.getBrokersAsString(),
				"--signals.cluster.broker=kafka", "--signals.cluster.sender-run-hold=1s" };
		Process first = start(concat(broker, "--send=article"));
		await().atMost(Duration.ofSeconds(90)).until(() -> !first.isAlive());
		assertThat(effects("halted")).as("the receiver stopped the JVM right after the commit").isEqualTo(1);
		assertThat(effects("evicted Crash after commit")).isZero();
		start(broker);
		await().atMost(Duration.ofSeconds(90)).until(() -> effects("evicted Crash after commit") >= 1);
		Thread.sleep(3000);
		assertThat(effects("evicted Crash after commit")).as("run once in the restarted instance").isEqualTo(1);
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	private boolean pingsSettled() {
		try {
			return poisonRecord().contains("\"state\":\"quarantined\"") && healthyRuns() == 10;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private int healthyRuns() {
		Integer count = jdbc().queryForObject(
				"select count(distinct what) from fault_effects where grp = ? and what like 'healthy %'", Integer.class,
				this.group);
		return (count != null) ? count : 0;
	}

	private int effects(String what) {
		try {
			Integer count = jdbc().queryForObject("select count(*) from fault_effects where grp = ? and what = ?",
					Integer.class, this.group, what);
			return (count != null) ? count : 0;
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private String poisonRecord() {
		return rows().stream().filter((row) -> row.contains("\"text\":\"halt\"")).findFirst().orElse("");
	}

	private List<String> rows() {
		return jdbc().query("select task_data from signals_delivery where task_name = ?",
				(row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), this.group);
	}

	private JdbcTemplate jdbc() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url(), "postgres", "", true);
		return new JdbcTemplate(dataSource);
	}

	private String url() {
		String url = System.getProperty("spring.datasource.url");
		if (url != null && url.startsWith("jdbc:postgresql")) {
			return url;
		}
		return "jdbc:h2:file:" + this.directory.resolve("faults").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
	}

	private Process start(String... arguments) throws Exception {
		Files.createDirectories(this.directory);
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				FaultyApplication.class.getName(), "--spring.application.name=" + this.group,
				"--spring.datasource.url=" + url(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.jpa.hibernate.ddl-auto=update",
				"--signals.durable.initialize-schema=always", "--signals.durable.polling-interval=200ms",
				"--signals.durable.heartbeat-interval=250ms", "--logging.level.io.signalsforspring=INFO"));
		command.addAll(List.of(arguments));
		File log = this.directory.resolve("process-" + this.processes.size() + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		this.processes.add(process);
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> !process.isAlive() || Files.readString(log.toPath()).contains("Started FaultyApplication"));
		if (!process.isAlive() && !Files.readString(log.toPath()).contains("Started FaultyApplication")
				&& process.exitValue() != 137) {
			throw new AssertionError("The application did not start:\n" + Files.readString(log.toPath()));
		}
		return process;
	}

}
