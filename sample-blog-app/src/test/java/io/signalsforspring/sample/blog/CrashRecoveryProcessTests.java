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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged sample as a real process, on its default H2 file database, in a fresh
 * working directory: with the SMTP server down, posts are created (201), the process is
 * killed with SIGKILL right away and started again on the same data. The posts are there,
 * and once the SMTP server is up every email arrives, once.
 */
class CrashRecoveryProcessTests {

	private static final String JAR = System.getProperty("sample.jar", "target/sample-blog-app-0.1.0-SNAPSHOT.jar");

	private final HttpClient http = HttpClient.newHttpClient();

	private final int smtpPort = freePort();

	private final int port = freePort();

	private Process app;

	private GreenMail smtp;

	@TempDir
	private Path workingDirectory;

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.destroyForcibly();
		}
		if (this.smtp != null) {
			this.smtp.stop();
		}
	}

	@Test
	void postsCreatedBeforeAKillSurviveAndEveryEmailArrivesAfterTheRestart() throws Exception {
		this.app = start("first");
		List<String> titles = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			String title = "Before the crash " + i + " " + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> created = post(title);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			titles.add(title);
		}
		this.app.destroyForcibly().waitFor();
		this.app = start("second");
		for (String title : titles) {
			assertThat(get("/posts").body()).contains(title);
		}
		this.smtp = new GreenMail(new ServerSetup(this.smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		this.smtp.start();
		await().atMost(Duration.ofSeconds(90)).until(() -> subjectsAndBodies().size() >= titles.size());
		List<String> emails = subjectsAndBodies();
		for (String title : titles) {
			assertThat(emails).as("one email for " + title).filteredOn((email) -> email.contains(title)).hasSize(1);
		}
	}

	private Process start(String name) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		File log = this.workingDirectory.resolve(name + ".log").toFile();
		Process process = new ProcessBuilder(java, "-jar", new File(JAR).getAbsolutePath(),
				"--server.port=" + this.port, "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + this.smtpPort,
				"--spring.mail.properties.mail.smtp.connectiontimeout=1000")
			.directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		try {
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> isUp() || !process.isAlive());
		}
		finally {
			if (!process.isAlive() || !isUp()) {
				process.destroyForcibly();
				throw new AssertionError("The sample did not start:\n" + Files.readString(log.toPath()));
			}
		}
		return process;
	}

	/** Serving pages: the health endpoint is down with the SMTP server, on purpose. */
	private boolean isUp() {
		try {
			return get("/posts").statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private HttpResponse<String> post(String title) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/posts"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"title\":\"" + title + "\",\"content\":\"Saved, then killed.\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private List<String> subjectsAndBodies() throws Exception {
		List<String> emails = new ArrayList<>();
		for (MimeMessage message : this.smtp.getReceivedMessages()) {
			emails.add(message.getSubject() + "\n" + message.getContent());
		}
		return emails;
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
