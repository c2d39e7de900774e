package io.signalsforspring.signals.spring.actuate;

import java.lang.ref.WeakReference;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The counts of a connected receiver last as long as its connection, through garbage
 * collections, and go with it.
 */
class ReceiverStatisticsTests {

	private final ReceiverStatistics statistics = new ReceiverStatistics();

	private final Signal signal = new Signal("counted");

	@Test
	void countsOfAConnectedReceiverSurviveGarbageCollection() {
		Connection connection = this.signal.connect((event) -> null);
		SignalEvent event = SignalEvent.of(this.signal, null, java.util.Map.of());
		this.statistics.afterReceiver(connection, event, null, 10, null);
		this.statistics.afterReceiver(connection, event, null, 10, new IllegalStateException("boom"));
		for (int i = 0; i < 5; i++) {
			System.gc();
		}
		assertThat(this.statistics.calls(connection)).isEqualTo(2);
		assertThat(this.statistics.errors(connection)).isEqualTo(1);
	}

	@Test
	void countsDoNotKeepAGoneConnectionAlive() {
		Connection connection = this.signal.connect((event) -> null);
		this.statistics.afterReceiver(connection, SignalEvent.of(this.signal, null, java.util.Map.of()), null, 10,
				null);
		connection.close();
		WeakReference<Connection> gone = new WeakReference<>(connection);
		connection = null;
		await().until(() -> {
			System.gc();
			return gone.get() == null;
		});
	}

}
