package io.signalsforspring.signals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SignalTests {

	private final Signal signal = new Signal("order_confirmed");

	private final List<String> calls = new ArrayList<>();

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.signal.connections()).isEmpty();
	}

	private ReceiverFunction recording(String name) {
		return (event) -> {
			this.calls.add(name);
			return name;
		};
	}

	@Test
	void sendCallsReceiversInConnectionOrderAndReturnsTheirResponses() {
		ReceiverFunction first = recording("first");
		ReceiverFunction second = recording("second");
		try (Connection a = this.signal.connect(first); Connection b = this.signal.connect(second)) {
			List<Response> responses = this.signal.send(this, Map.of("order", 42));
			assertThat(this.calls).containsExactly("first", "second");
			assertThat(responses).extracting(Response::receiver).containsExactly(first, second);
			assertThat(responses).extracting(Response::value).containsExactly("first", "second");
			assertThat(responses).noneMatch(Response::failed);
		}
	}

	@Test
	void receiverGetsSignalSenderAndNamedArguments() {
		List<SignalEvent> events = new ArrayList<>();
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("order", 42);
		arguments.put("note", null);
		try (Connection connection = this.signal.connect((event) -> events.add(event))) {
			this.signal.send("shop", arguments);
		}
		SignalEvent event = events.get(0);
		assertThat(event.signal()).isSameAs(this.signal);
		assertThat(event.sender()).isEqualTo("shop");
		assertThat(event.get("order", Integer.class)).isEqualTo(42);
		assertThat(event.has("note")).isTrue();
		assertThat(event.get("note")).isNull();
		assertThat(event.has("missing")).isFalse();
		assertThat(event.arguments()).containsEntry("order", 42);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> event.arguments().put("order", 1));
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> event.get("order", String.class))
			.withMessageContaining("'order'")
			.withMessageContaining("java.lang.Integer");
	}

	@Test
	void responsesOfOneReceiverNameItAndWhatItReturnedAndCannotBeChanged() {
		ReceiverFunction answering = (event) -> "pong";
		ReceiverFunction silent = (event) -> null;
		try (Connection connection = this.signal.connect(answering)) {
			List<Response> responses = this.signal.send(this, Map.of());
			assertThat(responses).containsExactly(new Response(connection, "pong", null));
			assertThat(responses.get(0).receiver()).isSameAs(answering);
			assertThatThrownBy(() -> responses.add(responses.get(0))).isInstanceOf(UnsupportedOperationException.class);
		}
		try (Connection connection = this.signal.connect(silent)) {
			for (int i = 0; i < 2; i++) {
				List<Response> responses = this.signal.send(this, Map.of());
				assertThat(responses).containsExactly(new Response(connection, null, null));
				assertThat(responses.get(0).receiver()).isSameAs(silent);
				assertThatThrownBy(responses::clear).isInstanceOf(UnsupportedOperationException.class);
			}
		}
	}

	@Test
	void sendWithNobodyListeningReturnsEmptyList() {
		assertThat(this.signal.send(this)).isEmpty();
		assertThat(this.signal.sendRobust(this, Map.of())).isEmpty();
	}

	@Test
	void receiverForASenderIsCalledOnlyForThatSender() {
		Object shop = new Object();
		try (Connection connection = this.signal.connect(recording("shop only"), shop)) {
			this.signal.send(new Object());
			assertThat(this.calls).isEmpty();
			this.signal.send(shop);
			assertThat(this.calls).containsExactly("shop only");
		}
	}

	@Test
	void senderMatchingIsByIdentityNotEquality() {
		String sender = new String("shop");
		try (Connection connection = this.signal.connect(recording("receiver"), sender)) {
			this.signal.send(new String("shop"));
			assertThat(this.calls).isEmpty();
		}
	}

	@Test
	void classSenderMatchesThatExactClassNotSubclasses() {
		try (Connection connection = this.signal.connect(recording("numbers"), Number.class)) {
			this.signal.send(Integer.class);
			assertThat(this.calls).isEmpty();
			this.signal.send(Number.class);
			assertThat(this.calls).containsExactly("numbers");
		}
	}

	@Test
	void anySenderAndSenderReceiversInterleaveInConnectionOrder() {
		try (Connection a = this.signal.connect(recording("any 1"));
				Connection b = this.signal.connect(recording("shop"), "shop");
				Connection c = this.signal.connect(recording("any 2"))) {
			this.signal.send("shop");
			assertThat(this.calls).containsExactly("any 1", "shop", "any 2");
		}
	}

	@Test
	void sendWithoutSenderReachesOnlyReceiversOfAnySender() {
		try (Connection a = this.signal.connect(recording("any"));
				Connection b = this.signal.connect(recording("shop"), "shop")) {
			this.signal.send(null);
			assertThat(this.calls).containsExactly("any");
		}
	}

	@Test
	void connectingTheSameReceiverTwiceKeepsOneEntry() {
		ReceiverFunction receiver = recording("once");
		Connection first = this.signal.connect(receiver);
		Connection second = this.signal.connect(receiver);
		assertThat(second).isSameAs(first);
		this.signal.send(this);
		assertThat(this.calls).containsExactly("once");
		assertThat(this.signal.disconnect(receiver)).isTrue();
	}

	@Test
	void sameReceiverWithThreeSendersIsThreeEntries() {
		ReceiverFunction receiver = recording("r");
		this.signal.connect(receiver, "a");
		this.signal.connect(receiver, "b");
		this.signal.connect(receiver, "c");
		assertThat(this.signal.connections()).hasSize(3);
		assertThat(this.signal.disconnect(receiver, "a")).isTrue();
		assertThat(this.signal.disconnect(receiver, "b")).isTrue();
		assertThat(this.signal.disconnect(receiver, "c")).isTrue();
	}

	@Test
	void secondConnectWithSameDispatchUidIsIgnoredEvenForAnotherReceiver() {
		Connection first = this.signal.connect(recording("first"), null, false, "uid");
		Connection second = this.signal.connect(recording("second"), null, false, "uid");
		assertThat(second).isSameAs(first);
		this.signal.send(this);
		assertThat(this.calls).containsExactly("first");
		assertThat(this.signal.disconnectUid("uid", null)).isTrue();
	}

	@Test
	void sameDispatchUidWithDifferentSendersIsDistinct() {
		this.signal.connect(recording("a"), "a", false, "uid");
		this.signal.connect(recording("b"), "b", false, "uid");
		assertThat(this.signal.connections()).hasSize(2);
		assertThat(this.signal.disconnectUid("uid", "a")).isTrue();
		assertThat(this.signal.disconnectUid("uid", "b")).isTrue();
	}

	@Test
	void emptyDispatchUidCountsAsNone() {
		ReceiverFunction receiver = recording("r");
		this.signal.connect(receiver, null, false, "");
		assertThat(this.signal.connections()).singleElement().extracting(Connection::dispatchUid).isNull();
		assertThat(this.signal.disconnect(receiver)).isTrue();
	}

	@Test
	void disconnectReturnsWhetherSomethingWasRemoved() {
		ReceiverFunction receiver = recording("r");
		this.signal.connect(receiver, "shop");
		assertThat(this.signal.disconnect(receiver)).as("other sender").isFalse();
		assertThat(this.signal.disconnect(receiver, "shop")).isTrue();
		assertThat(this.signal.disconnect(receiver, "shop")).isFalse();
		assertThat(this.signal.disconnectUid("nope", null)).isFalse();
	}

	@Test
	void closingAConnectionDisconnectsItOnce() {
		Connection connection = this.signal.connect(recording("r"));
		assertThat(connection.isConnected()).isTrue();
		connection.close();
		assertThat(connection.isConnected()).isFalse();
		assertThat(connection.disconnect()).isFalse();
		this.signal.send(this);
		assertThat(this.calls).isEmpty();
	}

	@Test
	void boundReceiversOfTheSameOwnerAndMethodAreOneReceiver() {
		Shop shop = new Shop();
		this.signal.connect(ReceiverFunction.bound(shop, Shop::onOrder));
		this.signal.connect(ReceiverFunction.bound(shop, Shop::onOrder));
		this.signal.send(this);
		assertThat(shop.orders).isEqualTo(1);
		assertThat(this.signal.connections()).singleElement().satisfies((connection) -> {
			assertThat(connection.owner()).isSameAs(shop);
			assertThat(connection.isWeak()).isTrue();
		});
		assertThat(this.signal.disconnect(ReceiverFunction.bound(shop, Shop::onOrder))).isTrue();
	}

	@Test
	void boundReceiverIsFoundAgainFromAnotherPlaceInTheSource() {
		Shop shop = new Shop();
		BoundReceiver<Shop> lambda = (owner, event) -> owner.onOrder(event);
		this.signal.connect(ReceiverFunction.bound(shop, lambda));
		assertThat(this.signal.disconnect(ReceiverFunction.bound(shop, Shop::onOrder))).as("other method").isFalse();
		assertThat(this.signal.disconnect(ReceiverFunction.bound(shop, lambda))).isTrue();
	}

	@Test
	void boundReceiversOfDifferentOwnersAreDifferentReceivers() {
		Shop a = new Shop();
		Shop b = new Shop();
		this.signal.connect(ReceiverFunction.bound(a, Shop::onOrder));
		this.signal.connect(ReceiverFunction.bound(b, Shop::onOrder));
		this.signal.send(this);
		assertThat(a.orders).isEqualTo(1);
		assertThat(b.orders).isEqualTo(1);
		assertThat(this.signal.disconnect(ReceiverFunction.bound(a, Shop::onOrder))).isTrue();
		assertThat(this.signal.disconnect(ReceiverFunction.bound(b, Shop::onOrder))).isTrue();
	}

	@Test
	void firstExceptionPropagatesAndLaterReceiversDoNotRun() {
		IllegalStateException failure = new IllegalStateException("out of stock");
		try (Connection a = this.signal.connect(recording("before")); Connection b = this.signal.connect((event) -> {
			throw failure;
		}); Connection c = this.signal.connect(recording("after"))) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.signal.send(this))
				.isSameAs(failure);
			assertThat(this.calls).containsExactly("before");
		}
	}

	@Test
	void checkedExceptionFromReceiverIsWrappedNamingReceiverAndSignal() {
		IOException failure = new IOException("disk full");
		try (Connection connection = this.signal.connect((event) -> {
			throw failure;
		})) {
			assertThatExceptionOfType(ReceiverException.class).isThrownBy(() -> this.signal.send(this))
				.withCause(failure)
				.withMessageContaining("signal 'order_confirmed'")
				.withMessageContaining("lambda in " + SignalTests.class.getName())
				.satisfies((ex) -> assertThat(ex.connection()).isSameAs(connection));
		}
	}

	@Test
	void receiverConnectedDuringSendFirstRunsOnTheNextSend() {
		ReceiverFunction late = recording("late");
		List<Connection> connected = new ArrayList<>();
		try (Connection connection = this.signal.connect((event) -> {
			if (connected.isEmpty()) {
				connected.add(this.signal.connect(late));
			}
			return null;
		})) {
			this.signal.send(this);
			assertThat(this.calls).isEmpty();
			this.signal.send(this);
			assertThat(this.calls).containsExactly("late");
		}
		connected.forEach(Connection::close);
	}

	@Test
	void receiverDisconnectedDuringSendStillRunsInThatSend() {
		ReceiverFunction victim = recording("victim");
		try (Connection connection = this.signal.connect((event) -> this.signal.disconnect(victim))) {
			this.signal.connect(victim);
			this.signal.send(this);
			assertThat(this.calls).containsExactly("victim");
			this.signal.send(this);
			assertThat(this.calls).containsExactly("victim");
		}
	}

	@Test
	void hasListenersFollowsConnectionsAndSenders() {
		assertThat(this.signal.hasListeners(null)).isFalse();
		try (Connection connection = this.signal.connect(recording("shop"), "shop")) {
			assertThat(this.signal.hasListeners("shop")).isTrue();
			assertThat(this.signal.hasListeners("other")).isFalse();
			assertThat(this.signal.hasListeners(null)).isFalse();
			try (Connection any = this.signal.connect(recording("any"))) {
				assertThat(this.signal.hasListeners("other")).isTrue();
				assertThat(this.signal.hasListeners(null)).isTrue();
			}
		}
	}

	@Test
	void mutedSignalCallsNobodyUntilTheLastMutingCloses() {
		try (Connection connection = this.signal.connect(recording("r"))) {
			Scope outer = this.signal.muted();
			Scope inner = this.signal.muted();
			assertThat(this.signal.send(this)).isEmpty();
			assertThat(this.signal.hasListeners(null)).isFalse();
			inner.close();
			inner.close();
			assertThat(this.signal.send(this)).isEmpty();
			outer.close();
			assertThat(this.signal.send(this)).hasSize(1);
			assertThat(this.calls).containsExactly("r");
		}
	}

	@Test
	void observerSeesEveryReceiverCallWithItsOutcome() {
		List<String> seen = new ArrayList<>();
		ReceiverObserver observer = new ReceiverObserver() {

			@Override
			public Object beforeReceiver(Connection connection, SignalEvent event) {
				seen.add("before " + event.signal().name());
				return "context";
			}

			@Override
			public void afterReceiver(Connection connection, SignalEvent event, Object context, long nanos,
					Throwable failure) {
				seen.add("after " + context + " " + (nanos >= 0) + " " + failure);
			}

		};
		this.signal.addObserver(observer);
		this.signal.addObserver(observer);
		IllegalStateException failure = new IllegalStateException("boom");
		try (Connection ok = this.signal.connect(recording("ok")); Connection bad = this.signal.connect((event) -> {
			throw failure;
		})) {
			this.signal.sendRobust(this, Map.of());
		}
		assertThat(this.signal.removeObserver(observer)).isTrue();
		assertThat(this.signal.removeObserver(observer)).isFalse();
		assertThat(seen).containsExactly("before order_confirmed", "after context true null", "before order_confirmed",
				"after context true " + failure);
	}

	@Test
	void connectionsDescribeTheirReceiver() {
		try (Connection connection = this.signal.connect(recording("r"), "shop", false, "stock")) {
			assertThat(connection.signal()).isSameAs(this.signal);
			assertThat(connection.sender()).isEqualTo("shop");
			assertThat(connection.hasSenderFilter()).isTrue();
			assertThat(connection.dispatchUid()).isEqualTo("stock");
			assertThat(connection.isWeak()).isFalse();
			assertThat(connection.owner()).isNull();
			assertThat(connection).hasToString("lambda in " + SignalTests.class.getName() + " [uid stock]");
		}
		assertThat(this.signal).hasToString("signal 'order_confirmed'");
	}

	@Test
	void signalNeedsAName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Signal(" ")).withMessage("A signal needs a name");
	}

	static final class Shop {

		int orders;

		Object onOrder(SignalEvent event) {
			return ++this.orders;
		}

	}

}
