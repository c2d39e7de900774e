package io.signalsforspring.signals.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.signalsforspring.signals.ModelSignals.PostSave;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /actuator/signals} over HTTP in a running application.
 */
@SpringBootTest(classes = SignalsEndpointIntegrationTests.EndpointApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.endpoints.web.exposure.include=signals")
class SignalsEndpointIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private OrderConfirmed orderConfirmed;

	private DocumentContext get() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/signals")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		return JsonPath.parse(response.body());
	}

	@Test
	void endpointListsEverySignalWithItsArgumentsAndReceivers() throws Exception {
		this.orderConfirmed.send(this, Map.of("order", "A-1", "quantity", 2));
		this.orderConfirmed.send(this, Map.of("order", "A-2", "quantity", 3));
		DocumentContext json = get();
		List<String> names = json.read("$.signals[*].name");
		assertThat(names).contains("order_confirmed", "post_save", "pre_delete", "m2m_changed", "user_logged_in")
			.isSorted();
		assertThat(json.<List<String>>read("$.signals[?(@.name == 'order_confirmed')].arguments[*].name"))
			.containsExactly("order", "quantity", "gift_note", "customer");
		Map<String, Object> receiver = json
			.<List<Map<String, Object>>>read("$.signals[?(@.name == 'order_confirmed')].receivers[0]")
			.get(0);
		assertThat(receiver)
			.containsEntry("receiver", "signalsEndpointIntegrationTests.EndpointApplication#ship(String)")
			.containsEntry("bean", "signalsEndpointIntegrationTests.EndpointApplication")
			.containsEntry("method", "ship")
			.containsEntry("phase", "AFTER_COMMIT")
			.containsEntry("async", true)
			.containsEntry("order", 5)
			.containsEntry("condition", "#quantity > 1")
			.containsEntry("calls", 2)
			.containsEntry("errors", 0)
			.containsKey("dispatchUid");
		Map<String, Object> postSave = json
			.<List<Map<String, Object>>>read("$.signals[?(@.name == 'post_save')].receivers[0]")
			.get(0);
		assertThat(postSave).containsEntry("sender", String.class.getName()).containsEntry("phase", "IMMEDIATE");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EndpointApplication {

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Bean
		SecurityFilterChain openForTests(HttpSecurity http) throws Exception {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_COMMIT, async = true, condition = "#quantity > 1")
		@org.springframework.core.annotation.Order(5)
		void ship(String order) {
		}

		@Receiver(signal = PostSave.class, sender = String.class)
		void saved() {
		}

	}

}
