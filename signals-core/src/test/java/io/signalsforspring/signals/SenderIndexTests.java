package io.signalsforspring.signals;

import java.lang.ref.WeakReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderIndexTests {

	private final Signal signal = new Signal("post_save");

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void receiversOfASenderAreResolvedOnceUntilTheNextConnect() {
		try (Connection connection = this.signal.connect((event) -> "post", String.class)) {
			ReceiverEntry[] first = this.signal.registry().liveReceivers(String.class);
			ReceiverEntry[] second = this.signal.registry().liveReceivers(String.class);
			assertThat(second).hasSize(1).isSameAs(first);
			assertThat(this.signal.registry().liveReceivers(Integer.class)).isEmpty();
			assertThat(this.signal.registry().index().size()).isEqualTo(1);
		}
	}

	@Test
	void connectAndDisconnectResolveAgain() {
		try (Connection first = this.signal.connect((event) -> "first", String.class)) {
			assertThat(this.signal.send(String.class)).hasSize(1);
			try (Connection second = this.signal.connect((event) -> "second", String.class)) {
				assertThat(this.signal.send(String.class)).extracting(Response::value)
					.containsExactly("first", "second");
			}
			assertThat(this.signal.send(String.class)).extracting(Response::value).containsExactly("first");
		}
		assertThat(this.signal.send(String.class)).isEmpty();
	}

	@Test
	void receiversOfAnySenderKeepTheirConnectionOrderAmongASendersOwn() {
		try (Connection a = this.signal.connect((event) -> "any 1");
				Connection b = this.signal.connect((event) -> "string 1", String.class);
				Connection c = this.signal.connect((event) -> "integer", Integer.class);
				Connection d = this.signal.connect((event) -> "any 2");
				Connection e = this.signal.connect((event) -> "string 2", String.class)) {
			assertThat(this.signal.send(String.class)).extracting(Response::value)
				.containsExactly("any 1", "string 1", "any 2", "string 2");
			assertThat(this.signal.send(Integer.class)).extracting(Response::value)
				.containsExactly("any 1", "integer", "any 2");
			assertThat(this.signal.send(Long.class)).extracting(Response::value).containsExactly("any 1", "any 2");
		}
	}

	@Test
	void manySendersEachReachOnlyTheirOwnReceivers() {
		Object[] senders = new Object[500];
		Connection[] connections = new Connection[senders.length];
		for (int i = 0; i < senders.length; i++) {
			senders[i] = new Object();
			String answer = "receiver " + i;
			connections[i] = this.signal.connect((event) -> answer, senders[i]);
		}
		try {
			for (int i = 0; i < senders.length; i++) {
				assertThat(this.signal.send(senders[i])).extracting(Response::value).containsExactly("receiver " + i);
			}
			assertThat(this.signal.send(new Object())).isEmpty();
			assertThat(this.signal.registry().index().size()).isEqualTo(senders.length);
		}
		finally {
			for (Connection connection : connections) {
				connection.disconnect();
			}
		}
	}

	@Test
	void sendersThatNoReceiverIsLimitedToAreNeitherIndexedNorKept() {
		try (Connection connection = this.signal.connect((event) -> "x", String.class)) {
			WeakReference<Object> sender = sendFromShortLivedSender();
			assertThat(this.signal.registry().index().size()).isEqualTo(1);
			assertThat(GarbageCollection.collected(sender)).isTrue();
		}
	}

	private WeakReference<Object> sendFromShortLivedSender() {
		Object sender = new Object();
		assertThat(this.signal.send(sender)).isEmpty();
		return new WeakReference<>(sender);
	}

	@Test
	void theIndexNeverKeepsASenderAlive() {
		WeakReference<Object> sender = connectAndSendFromShortLivedSender();
		assertThat(GarbageCollection.collected(sender)).isTrue();
		assertThat(this.signal.connections()).isEmpty();
	}

	private WeakReference<Object> connectAndSendFromShortLivedSender() {
		Object sender = new Object();
		this.signal.connect((event) -> "x", sender);
		assertThat(this.signal.send(sender)).hasSize(1);
		return new WeakReference<>(sender);
	}

}
