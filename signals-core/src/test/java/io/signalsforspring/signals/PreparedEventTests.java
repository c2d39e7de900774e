package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class PreparedEventTests {

	private final Signal orderPlaced = new Signal(
			SignalSpec.named("order_placed").argument("order", String.class).argument("quantity", int.class));

	private final List<SignalEvent> received = new ArrayList<>();

	@AfterEach
	void leavesNoReceiverConnected() {
		this.orderPlaced.connections().forEach(Connection::disconnect);
	}

	@Test
	void receiversSeeAPreparedEventAsTheNamedArgumentsOfASend() {
		this.orderPlaced.connect((event) -> this.received.add(event) ? event.get("order") : null);
		SignalEvent placed = this.orderPlaced.event(this, "A-1", 2);
		assertThat(this.orderPlaced.sendEvent(placed)).extracting(Response::value).containsExactly("A-1");
		SignalEvent event = this.received.get(0);
		assertThat(event).isSameAs(placed);
		assertThat(event.signal()).isSameAs(this.orderPlaced);
		assertThat(event.sender()).isSameAs(this);
		assertThat(event.get("quantity", Integer.class)).isEqualTo(2);
		assertThat(event.get(new String("order"))).isEqualTo("A-1");
		assertThat(event.has("quantity")).isTrue();
		assertThat(event.has("price")).isFalse();
		assertThat(event.get("price")).isNull();
		assertThat(event.arguments()).containsExactly(entry("order", "A-1"), entry("quantity", 2));
		assertThat(event.arguments()).isEqualTo(Map.of("order", "A-1", "quantity", 2));
	}

	@Test
	void aPreparedEventMayBeSentManyTimes() {
		this.orderPlaced.connect((event) -> this.received.add(event) ? null : null);
		SignalEvent placed = this.orderPlaced.event(this, "A-1", 2);
		this.orderPlaced.sendEvent(placed);
		this.orderPlaced.sendEvent(placed);
		assertThat(this.received).containsExactly(placed, placed);
	}

	@Test
	void theValuesAreCopiedWhenTheEventIsMade() {
		Object[] values = { "A-1", 2 };
		SignalEvent placed = this.orderPlaced.event(this, values);
		values[0] = 42;
		assertThat(placed.get("order")).isEqualTo("A-1");
	}

	@Test
	void aRequiredArgumentMayBeNull() {
		SignalEvent placed = this.orderPlaced.event(this, null, 2);
		assertThat(placed.has("order")).isTrue();
		assertThat(placed.get("order")).isNull();
	}

	@Test
	void theNumberOfValuesIsCheckedWhenTheEventIsMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.orderPlaced.event(this, "A-1"))
			.withMessageContaining("1 value(s) given for signal 'order_placed'")
			.withMessageContaining("[order: String, quantity: int]");
	}

	@Test
	void theTypesAreCheckedWhenTheEventIsMade() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.orderPlaced.event(this, "A-1", "two"))
			.withMessageContaining("Value 2 for signal 'order_placed' is a java.lang.String")
			.withMessageContaining("argument 'quantity' is a java.lang.Integer");
	}

	@Test
	void aSignalThatDeclaresNoArgumentsMakesNoEvent() {
		Signal custom = new Signal("custom");
		assertThatIllegalStateException().isThrownBy(() -> custom.event(this, "A-1"))
			.withMessageContaining("declares no arguments");
	}

	@Test
	void anotherSignalsEventIsRefused() {
		Signal other = new Signal(SignalSpec.named("other").argument("order", String.class));
		SignalEvent placed = other.event(this, "A-1");
		assertThatIllegalArgumentException().isThrownBy(() -> this.orderPlaced.sendEvent(placed))
			.withMessageContaining("event of signal 'other'");
	}

	@Test
	void anEventRebuiltFromAMapIsCheckedWhenSent() {
		this.orderPlaced.connect((event) -> "called");
		SignalEvent rebuilt = SignalEvent.of(this.orderPlaced, this, Map.of("order", "A-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.orderPlaced.sendEvent(rebuilt))
			.withMessageContaining("Missing argument 'quantity'");
		SignalEvent complete = SignalEvent.of(this.orderPlaced, this, Map.of("order", "A-1", "quantity", 2));
		assertThat(this.orderPlaced.sendEvent(complete)).extracting(Response::value).containsExactly("called");
	}

	@Test
	void aPreparedEventReachesOnlyTheReceiversOfItsSender() {
		Object shop = new Object();
		this.orderPlaced.connect((event) -> "shop", shop);
		this.orderPlaced.connect((event) -> "any");
		assertThat(this.orderPlaced.sendEvent(this.orderPlaced.event(shop, "A-1", 2))).extracting(Response::value)
			.containsExactly("shop", "any");
		assertThat(this.orderPlaced.sendEvent(this.orderPlaced.event(this, "A-1", 2))).extracting(Response::value)
			.containsExactly("any");
	}

	@Test
	void sendRobustEventReportsAFailingReceiverAndCallsTheRest() {
		IllegalStateException failure = new IllegalStateException("out of stock");
		this.orderPlaced.connect((event) -> {
			throw failure;
		});
		this.orderPlaced.connect((event) -> "after");
		List<Response> responses = this.orderPlaced.sendRobustEvent(this.orderPlaced.event(this, "A-1", 2));
		assertThat(responses).extracting(Response::error).containsExactly(failure, null);
		assertThat(responses).extracting(Response::value).containsExactly(null, "after");
	}

}
