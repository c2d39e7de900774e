package io.signalsforspring.signals.test.jdbc;

import java.time.Duration;
import java.util.Map;

import io.signalsforspring.signals.test.CaptureSignals;
import io.signalsforspring.signals.test.CapturedSignals;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code @DataJdbcTest} gets the dispatcher and the test support: an imported
 * signal reaches its {@code @Receiver}, and {@code @CaptureSignals} sees the send.
 * (Spring Data JDBC has no Hibernate, so there are no model signals to bridge.)
 */
@DataJdbcTest
@Import(JdbcApplication.Ledger.class)
@CaptureSignals
class DataJdbcSliceTests {

	@Autowired
	private JdbcApplication.EntryBooked entryBooked;

	@Autowired
	private JdbcApplication.Ledger ledger;

	@Autowired
	private ApplicationContext context;

	@Test
	void anImportedSignalReachesItsReceiverAndIsCaptured(CapturedSignals sent) {
		this.entryBooked.send(DataJdbcSliceTests.class, Map.of("amount", 42));
		assertThat(this.ledger.received).containsExactly("booked 42");
		assertThat(sent).sent(JdbcApplication.EntryBooked.class).with("amount", 42).once();
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(5));
	}

}
