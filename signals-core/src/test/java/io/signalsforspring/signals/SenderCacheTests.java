package io.signalsforspring.signals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderCacheTests {

	private final Signal cached = new Signal(SignalSpec.named("post_save").useCaching());

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.cached.connections()).isEmpty();
	}

	@Test
	void resolvedReceiversAreCachedPerSender() {
		try (Connection connection = this.cached.connect((event) -> "post", String.class)) {
			ReceiverEntry[] first = this.cached.registry().liveReceivers(String.class);
			ReceiverEntry[] second = this.cached.registry().liveReceivers(String.class);
			assertThat(second).hasSize(1).isSameAs(first);
			assertThat(this.cached.registry().liveReceivers(Integer.class)).isEmpty();
			assertThat(this.cached.registry().cache().size()).isEqualTo(2);
		}
	}

	@Test
	void connectAndDisconnectInvalidateTheCache() {
		try (Connection first = this.cached.connect((event) -> "first", String.class)) {
			assertThat(this.cached.send(String.class)).hasSize(1);
			try (Connection second = this.cached.connect((event) -> "second", String.class)) {
				assertThat(this.cached.send(String.class)).extracting(Response::value)
					.containsExactly("first", "second");
			}
			assertThat(this.cached.send(String.class)).extracting(Response::value).containsExactly("first");
		}
		assertThat(this.cached.send(String.class)).isEmpty();
	}

	@Test
	void signalWithoutCachingResolvesEverySend() {
		Signal uncached = new Signal("custom");
		try (Connection connection = uncached.connect((event) -> "x", String.class)) {
			assertThat(uncached.send(String.class)).hasSize(1);
			assertThat(uncached.registry().cache()).isNull();
		}
	}

	@Test
	void cacheStopsGrowingAtItsCapacity() {
		try (Connection connection = this.cached.connect((event) -> "x", String.class)) {
			Object[] senders = new Object[SenderCache.CAPACITY + 10];
			for (int i = 0; i < senders.length; i++) {
				senders[i] = new Object();
				this.cached.send(senders[i]);
			}
			assertThat(this.cached.registry().cache().size()).isEqualTo(SenderCache.CAPACITY);
			assertThat(this.cached.send(String.class)).hasSize(1);
		}
	}

}
