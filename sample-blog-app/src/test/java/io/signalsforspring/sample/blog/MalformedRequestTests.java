package io.signalsforspring.sample.blog;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat rejects before the blog sees them get a problem detail too, over a
 * real socket to a real server (an HTTP client would refuse to send such a path).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestTests {

	@Value("${local.server.port}")
	private int port;

	@Test
	void malformedPathIsABadRequestProblemDetail() throws Exception {
		String response = send("GET /posts/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"status\":400").doesNotContain("<html");
	}

	private String send(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
