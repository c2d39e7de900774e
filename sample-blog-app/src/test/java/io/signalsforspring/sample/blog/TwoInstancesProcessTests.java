package io.signalsforspring.sample.blog;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample started twice as real processes against one PostgreSQL database (a
 * fresh one on 127.0.0.1:5432) and the local RabbitMQ, with standard properties only: a
 * post created on instance A is listed at once by instance B, whose list was cached; each
 * new post is emailed once, whichever instance took the delivery; and posts whose emails
 * are pending when A is killed are emailed by B. Needs both servers: run by the
 * end-to-end run of {@code .ci/run}, which starts them.
 */
class TwoInstancesProcessTests {

	private static final String JAR = System.getProperty("sample.jar", "target/sample-blog-app-0.1.0-SNAPSHOT.jar");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String database = "sample_two_instances_" + UUID.randomUUID().toString().substring(0, 8);

	private final int smtpPort = freePort();

	private final List<Process> processes = new ArrayList<>();

	private GreenMail smtp;

	@TempDir
	private Path workingDirectory;

	@BeforeEach
	void createDatabase() throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("create database " + this.database);
		}
	}

	@AfterEach
	void stopAndDrop() throws Exception {
		for (Process process : this.processes) {
			process.destroyForcibly().waitFor();
		}
		// the instances' logs outlive the temporary directory, for a failed run
		Path kept = Path.of("target", "two-instances");
		Files.createDirectories(kept);
		try (java.util.stream.Stream<Path> logs = Files.list(this.workingDirectory)) {
			for (Path log : logs.filter((file) -> file.toString().endsWith(".log")).toList()) {
				Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + this.database + " with (force)");
		}
	}

	@Test
	void postsAreListedEverywhereAtOnceAndEmailedOnceEvenWhenAnInstanceDies() throws Exception {
		this.smtp = startSmtp();
		int a = freePort();
		int b = freePort();
		Process instanceA = start("a", a);
		start("b", b);
		assertThat(get(b, "/api/posts").body()).as("B caches its list").doesNotContain("Listed everywhere");

		String listed = "Listed everywhere " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(post(a, listed).statusCode()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(get(b, "/api/posts").body()).contains(listed));
		await().atMost(Duration.ofSeconds(30)).until(() -> emailsAbout(listed) >= 1);
		Thread.sleep(2000);
		assertThat(emailsAbout(listed)).as("emails about " + listed).isEqualTo(1);

		this.smtp.stop();
		List<String> pending = new ArrayList<>();
		for (int i = 1; i <= 2; i++) {
			String title = "Pending when A died " + i + " " + UUID.randomUUID().toString().substring(0, 8);
			assertThat(post(a, title).statusCode()).isEqualTo(201);
			pending.add(title);
		}
		instanceA.destroyForcibly().waitFor();
		// A may die before it published the evictions: B's relay publishes what A left in
		// the outbox (at its next poll, or once A's claim is found dead)
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(get(b, "/api/posts").body()).contains(pending));
		this.smtp = startSmtp();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> pending.stream().allMatch((title) -> emailsAbout(title) >= 1));
		Thread.sleep(3000);
		for (String title : pending) {
			assertThat(emailsAbout(title)).as("emails about " + title).isEqualTo(1);
		}
	}

	private GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private Process start(String name, int port) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		File log = this.workingDirectory.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(java, "-jar", new File(JAR).getAbsolutePath(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + this.database,
				"--spring.datasource.username=postgres", "--spring.rabbitmq.host=127.0.0.1",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtpPort,
				"--spring.mail.properties.mail.smtp.connectiontimeout=1000", "--signals.durable.max-retry-delay=5s",
				"--logging.level.io.signalsforspring.signals.cluster=DEBUG")
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		this.processes.add(process);
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> isUp(port) || !process.isAlive());
		}
		finally {
			if (!process.isAlive() || !isUp(port)) {
				process.destroyForcibly();
				throw new AssertionError("Instance " + name + " did not start:\n" + Files.readString(log.toPath()));
			}
		}
		return process;
	}

	private boolean isUp(int port) {
		try {
			return get(port, "/posts").statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private HttpResponse<String> post(int port, String title) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/posts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\",\"content\":\"Two instances.\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private long emailsAbout(String title) {
		long count = 0;
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			try {
				if ((message.getSubject() + "\n" + message.getContent()).contains(title)) {
					count++;
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return count;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
