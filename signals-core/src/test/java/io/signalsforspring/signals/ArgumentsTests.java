package io.signalsforspring.signals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArgumentsTests {

	@Test
	void argumentsAreAMapThatAllowsNullValues() {
		Map<String, Object> arguments = Arguments.of("instance", "post", "created", true, "update_fields", null);
		Map<String, Object> expected = new HashMap<>();
		expected.put("instance", "post");
		expected.put("created", true);
		expected.put("update_fields", null);
		assertThat(arguments).isEqualTo(expected).hasSize(3).containsKey("update_fields").doesNotContainKey("raw");
		assertThat(arguments.get("created")).isEqualTo(true);
		assertThat(arguments.get("update_fields")).isNull();
		assertThat(arguments.hashCode()).isEqualTo(expected.hashCode());
	}

	@Test
	void argumentsAreImmutable() {
		Map<String, Object> arguments = Arguments.of("order", 1);
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> arguments.put("x", 2));
	}

	@Test
	void badArgumentListsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.of("order"))
			.withMessage("Arguments come in name, value pairs");
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.of(1, "x"))
			.withMessage("Argument name at position 0 is not a string");
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.of("a", 1, "a", 2))
			.withMessage("Argument 'a' is given twice");
	}

	@Test
	void signalsAcceptArgumentsWithNullValues() {
		Signal signal = new Signal(SignalSpec.named("saved").argument("update_fields", java.util.Set.class));
		try (Connection connection = signal.connect((event) -> event.has("update_fields"))) {
			assertThat(signal.send(this, Arguments.of("update_fields", null))).extracting(Response::value)
				.containsExactly(true);
		}
		assertThat(signal.connections()).isEmpty();
	}

}
