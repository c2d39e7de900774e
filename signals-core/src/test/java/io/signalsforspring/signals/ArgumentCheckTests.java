package io.signalsforspring.signals;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArgumentCheckTests {

	private final Signal bookPublished = new Signal(
			SignalSpec.named("book_published").argument("book", String.class).optionalArgument("author", String.class));

	private final Connection connection = this.bookPublished.connect((event) -> event.get("book"));

	@AfterEach
	void leavesNoReceiverConnected() {
		this.connection.close();
		assertThat(this.bookPublished.connections()).isEmpty();
	}

	@Test
	void sendWithDeclaredArgumentsSucceeds() {
		assertThat(this.bookPublished.send(this, Map.of("book", "Dune", "author", "Herbert")))
			.extracting(Response::value)
			.containsExactly("Dune");
		assertThat(this.bookPublished.send(this, Map.of("book", "Dune"))).hasSize(1);
	}

	@Test
	void requiredArgumentMayBeNull() {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("book", null);
		assertThat(this.bookPublished.send(this, arguments)).hasSize(1);
	}

	@Test
	void sendWithUndeclaredArgumentFailsNamingItAndWhatIsDeclared() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.bookPublished.send(this, Map.of("book", "Dune", "isbn", "123")))
			.withMessage("Undeclared argument(s) [isbn] sent with signal 'book_published'; "
					+ "it declares [book: String, author: String (optional)]");
	}

	@Test
	void sendWithoutRequiredArgumentFailsNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.bookPublished.sendRobust(this, Map.of("author", "Herbert")))
			.withMessageStartingWith("Missing argument 'book' for signal 'book_published'");
	}

	@Test
	void signalWithoutDeclaredArgumentsAcceptsAny() {
		Signal free = new Signal("free");
		try (Connection any = free.connect((event) -> event.arguments().size())) {
			assertThat(free.send(this, Map.of("a", 1, "b", 2))).extracting(Response::value).containsExactly(2);
		}
		assertThat(free.arguments()).isEmpty();
	}

	@Test
	void declaringAnArgumentTwiceIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SignalSpec.named("x").argument("a", String.class).optionalArgument("a", String.class))
			.withMessage("Signal 'x' declares argument 'a' twice");
	}

}
