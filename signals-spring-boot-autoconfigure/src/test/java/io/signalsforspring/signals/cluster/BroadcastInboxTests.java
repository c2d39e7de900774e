package io.signalsforspring.signals.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.signalsforspring.signals.durable.Outbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * A broadcast runs once per instance: when the sending instance's own run after its
 * commit and the broker's copy of the envelope arrive at the same moment, exactly one of
 * them runs it.
 */
class BroadcastInboxTests {

	@Test
	void ofManyThreadsAskingAtOnceWhetherABroadcastRunsFirstExactlyOneIsTold() throws Exception {
		BroadcastInbox inbox = new BroadcastInbox(mock(Outbox.class));
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			for (int broadcast = 0; broadcast < 2_000; broadcast++) {
				String id = "broadcast-" + broadcast;
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Boolean>> answers = new ArrayList<>();
				for (int thread = 0; thread < 8; thread++) {
					answers.add(threads.submit(() -> {
						start.await();
						return inbox.firstRun(id);
					}));
				}
				start.countDown();
				int first = 0;
				for (Future<Boolean> answer : answers) {
					first += answer.get(10, TimeUnit.SECONDS) ? 1 : 0;
				}
				assertThat(first).as("first runs of " + id).isOne();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

}
