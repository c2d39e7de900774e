package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SendRobustTests {

	private final Signal signal = new Signal("order_confirmed");

	private final Logger logger = (Logger) LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.logger.addAppender(this.log);
	}

	@AfterEach
	void leavesNoReceiverConnected() {
		this.logger.detachAppender(this.log);
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void sendRobustCallsEveryReceiverAndReturnsExceptionOfFailingReceiver() {
		IllegalStateException failure = new IllegalStateException("out of stock");
		List<String> calls = new ArrayList<>();
		try (Connection a = this.signal.connect((event) -> {
			throw failure;
		}); Connection b = this.signal.connect((event) -> calls.add("after"))) {
			List<Response> responses = this.signal.sendRobust(this, Map.of());
			assertThat(calls).containsExactly("after");
			assertThat(responses).hasSize(2);
			assertThat(responses.get(0).failed()).isTrue();
			assertThat(responses.get(0).error()).isSameAs(failure);
			assertThat(responses.get(0).error().getStackTrace()).isNotEmpty();
			assertThat(responses.get(0).value()).isNull();
			assertThat(responses.get(1).value()).isEqualTo(true);
		}
	}

	@Test
	void sendRobustLogsEachFailureAtErrorWithSignalAndReceiver() {
		IllegalStateException failure = new IllegalStateException("out of stock");
		try (Connection connection = this.signal.connect((event) -> {
			throw failure;
		})) {
			this.signal.sendRobust(this, Map.of());
		}
		assertThat(this.log.list).singleElement().satisfies((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.ERROR);
			assertThat(event.getLoggerName()).isEqualTo("io.signalsforspring.signals");
			assertThat(event.getFormattedMessage()).contains("signal 'order_confirmed'")
				.contains("lambda in " + SendRobustTests.class.getName())
				.contains("out of stock");
			assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
		});
	}

	@Test
	void sendRobustDoesNotSwallowErrors() {
		try (Connection connection = this.signal.connect((event) -> {
			throw new OutOfMemoryError("simulated");
		})) {
			assertThatExceptionOfType(OutOfMemoryError.class).isThrownBy(() -> this.signal.sendRobust(this, Map.of()))
				.withMessage("simulated");
		}
		assertThat(this.log.list).isEmpty();
	}

}
