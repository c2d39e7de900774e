package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTests {

	private final Signal signal = new Signal(SignalSpec.named("post_save"));

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void concurrentConnectDisconnectAndSendLoseNoReceiverAndThrowNothing() throws Exception {
		AtomicInteger permanentCalls = new AtomicInteger();
		ReceiverFunction permanent = (event) -> permanentCalls.incrementAndGet();
		this.signal.connect(permanent, String.class);
		int senders = 4;
		int churners = 4;
		int sendsEach = 20_000;
		ExecutorService pool = Executors.newFixedThreadPool(senders + churners);
		CountDownLatch start = new CountDownLatch(1);
		AtomicBoolean sending = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Integer> missing = new ConcurrentLinkedQueue<>();
		List<Future<?>> tasks = new ArrayList<>();
		for (int s = 0; s < senders; s++) {
			tasks.add(pool.submit(() -> {
				start.await();
				for (int i = 0; i < sendsEach; i++) {
					boolean found = this.signal.send(String.class, Map.of())
						.stream()
						.anyMatch((response) -> response.receiver() == permanent);
					if (!found) {
						missing.add(i);
					}
				}
				return null;
			}));
		}
		for (int c = 0; c < churners; c++) {
			int churner = c;
			tasks.add(pool.submit(() -> {
				start.await();
				int round = 0;
				while (sending.get() || round < 100) {
					ReceiverFunction temporary = (event) -> null;
					Object sender = (round % 2 == 0) ? String.class : null;
					this.signal.connect(temporary, sender, false, (round % 3 == 0) ? "uid-" + churner : null);
					this.signal.connect(temporary, sender);
					this.signal.disconnect(temporary, sender);
					this.signal.disconnectUid("uid-" + churner, sender);
					round++;
				}
				return null;
			}));
		}
		start.countDown();
		for (int s = 0; s < senders; s++) {
			tasks.get(s).get(2, TimeUnit.MINUTES);
		}
		sending.set(false);
		for (Future<?> task : tasks) {
			task.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		assertThat(missing).isEmpty();
		assertThat(permanentCalls).hasValue(senders * sendsEach);
		assertThat(this.signal.connections()).singleElement().extracting(Connection::receiver).isSameAs(permanent);
		assertThat(this.signal.disconnect(permanent, String.class)).isTrue();
	}

}
