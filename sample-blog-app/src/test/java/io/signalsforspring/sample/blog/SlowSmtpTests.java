package io.signalsforspring.sample.blog;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An SMTP server that accepts connections and says nothing until released, then hangs up:
 * the request that creates a post must not wait for it, and the failure must be logged
 * with the post and the recipient (and retried) while the post stays saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SlowSmtpTests {

	private static final StalledSmtpServer smtp = new StalledSmtpServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", smtp::port);
		properties.add("spring.mail.properties.mail.smtp.timeout", () -> "20000");
	}

	@AfterAll
	static void stop() throws IOException {
		smtp.close();
	}

	@Autowired
	private MockMvc mvc;

	@Test
	void slowSmtpServerDoesNotHoldUpCreatingAPostAndItsFailureIsLogged(CapturedOutput output) throws Exception {
		String title = "Despite the mail server " + java.util.UUID.randomUUID().toString().substring(0, 8);
		String location = this.mvc
			.perform(post("/api/posts").contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + title + "\",\"content\":\"Saved anyway\"}")
				.with(httpBasic("demo", "demo")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		String slug = location.substring(location.lastIndexOf('/') + 1);
		assertThat(smtp.released()).as("the response came while SMTP was still stalled").isFalse();
		assertThat(smtp.awaitConnection()).as("the email was being sent meanwhile").isTrue();
		smtp.release();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(output.getOut() + output.getErr())
				.containsPattern("Could not send \"New post: " + title + "\" about post '" + slug
						+ "' to [^ ]+@example.com \\(the delivery will be retried\\)"));
		this.mvc.perform(get(location)).andExpect(status().isOk());
	}

	/** Accepts SMTP connections, stays silent until released, then closes them. */
	static final class StalledSmtpServer implements AutoCloseable {

		private final ServerSocket socket;

		private final CountDownLatch release = new CountDownLatch(1);

		private final CountDownLatch connected = new CountDownLatch(1);

		StalledSmtpServer() {
			try {
				this.socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(this::serve, "stalled-smtp");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket client = this.socket.accept()) {
					this.connected.countDown();
					this.release.await(30, TimeUnit.SECONDS);
				}
				catch (IOException | InterruptedException ex) {
					return;
				}
			}
		}

		int port() {
			return this.socket.getLocalPort();
		}

		boolean awaitConnection() throws InterruptedException {
			return this.connected.await(20, TimeUnit.SECONDS);
		}

		boolean released() {
			return this.release.getCount() == 0;
		}

		void release() {
			this.release.countDown();
		}

		@Override
		public void close() throws IOException {
			release();
			this.socket.close();
		}

	}

}
