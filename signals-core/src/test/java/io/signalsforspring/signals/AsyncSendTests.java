package io.signalsforspring.signals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AsyncSendTests {

	private final Signal signal = new Signal("order_confirmed");

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	@AfterEach
	void leavesNoReceiverConnected() throws InterruptedException {
		this.executor.shutdown();
		assertThat(this.executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void sendAsyncRunsReceiversOnTheExecutorAndReturnsResultsInConnectionOrder() {
		CountDownLatch firstMayFinish = new CountDownLatch(1);
		Thread caller = Thread.currentThread();
		try (Connection slow = this.signal.connect((event) -> {
			assertThat(firstMayFinish.await(10, TimeUnit.SECONDS)).isTrue();
			return Thread.currentThread() != caller ? "slow elsewhere" : "slow here";
		}); Connection fast = this.signal.connect((event) -> {
			firstMayFinish.countDown();
			return "fast";
		})) {
			List<Response> responses = this.signal.sendAsync(this, Map.of(), this.executor).join();
			assertThat(responses).extracting(Response::value).containsExactly("slow elsewhere", "fast");
		}
	}

	@Test
	void sendAsyncFailsWithTheFirstFailingReceiverInConnectionOrderAfterAllRan() {
		CountDownLatch laterRan = new CountDownLatch(1);
		IllegalStateException first = new IllegalStateException("first");
		try (Connection a = this.signal.connect((event) -> {
			assertThat(laterRan.await(10, TimeUnit.SECONDS)).isTrue();
			throw first;
		}); Connection b = this.signal.connect((event) -> {
			laterRan.countDown();
			throw new IllegalStateException("second");
		})) {
			assertThatExceptionOfType(CompletionException.class)
				.isThrownBy(() -> this.signal.sendAsync(this, Map.of(), this.executor).join())
				.withCause(first);
		}
	}

	@Test
	void sendRobustAsyncReportsFailuresAsResponses() {
		IllegalStateException failure = new IllegalStateException("boom");
		try (Connection a = this.signal.connect((event) -> {
			throw failure;
		}); Connection b = this.signal.connect((event) -> "ok")) {
			List<Response> responses = this.signal.sendRobustAsync(this, Map.of(), this.executor).join();
			assertThat(responses).extracting(Response::error).containsExactly(failure, null);
			assertThat(responses).extracting(Response::value).containsExactly(null, "ok");
		}
	}

	@Test
	void sendAsyncWithNobodyListeningCompletesAtOnce() {
		assertThat(this.signal.sendAsync(this, Map.of(), this.executor)).isCompletedWithValue(List.of());
	}

}
