package io.signalsforspring.signals;

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

class DispatchLoggingTests {

	private final Signal signal = new Signal("order_confirmed");

	private final Logger logger = (Logger) LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private Level level;

	@BeforeEach
	void captureDebugLog() {
		this.level = this.logger.getLevel();
		this.log.start();
		this.logger.addAppender(this.log);
	}

	@AfterEach
	void restoreAndCheckNothingIsConnected() {
		this.logger.detachAppender(this.log);
		this.logger.setLevel(this.level);
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void debugLogNamesSignalSenderReceiversAndTime() {
		this.logger.setLevel(Level.DEBUG);
		try (Connection ok = this.signal.connect((event) -> "ok"); Connection bad = this.signal.connect((event) -> {
			throw new IllegalStateException("boom");
		})) {
			this.signal.sendRobust("shop", Map.of());
		}
		assertThat(this.log.list).filteredOn((event) -> event.getLevel() == Level.DEBUG)
			.singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).matches(
					"sendRobust signal 'order_confirmed' from shop to 2 receiver\\(s\\) in \\d+ µs: \\[lambda in .*, "
							+ "lambda in .* \\(failed\\)\\]"));
	}

	@Test
	void nothingIsLoggedBelowDebug() {
		this.logger.setLevel(Level.INFO);
		try (Connection ok = this.signal.connect((event) -> "ok")) {
			this.signal.send("shop", Map.of());
		}
		assertThat(this.log.list).isEmpty();
	}

}
