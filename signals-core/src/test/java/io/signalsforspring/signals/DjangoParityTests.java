package io.signalsforspring.signals;

import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of Django's dispatcher (its {@code tests/dispatch} suite) that a literal Java
 * port must keep: bound methods held weakly follow their owner, held strongly keep it
 * alive, distinct functions are distinct receivers, {@code has_listeners} is exact, and
 * responses name the receiver that was connected.
 */
class DjangoParityTests {

	private final Signal signal = new Signal("parity");

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.signal.connections()).isEmpty();
	}

	/** Django: {@code connect(a.a)} (weak by default) lives as long as {@code a}. */
	@Test
	void weaklyConnectedBoundMethodLivesAsLongAsItsOwner() {
		Owner owner = new Owner("a");
		this.signal.connect(ReceiverFunction.bound(owner, Owner::receive), null, true, null);
		GarbageCollection.collect();
		assertThat(this.signal.send(this)).hasSize(1);
		assertThat(owner.calls).hasValue(1);
		assertThat(this.signal.disconnect(ReceiverFunction.bound(owner, Owner::receive))).isTrue();
	}

	/**
	 * Django: {@code connect(a.a, weak=False)} keeps {@code a} alive until disconnected.
	 */
	@Test
	void stronglyConnectedBoundMethodKeepsItsOwnerAlive() {
		WeakReference<Owner> owner = connectStronglyBoundToOwnerNobodyElseHolds();
		assertThat(GarbageCollection.collected(owner)).isFalse();
		assertThat(this.signal.send(this)).hasSize(1);
		assertThat(owner.get().calls).hasValue(1);
		assertThat(this.signal.disconnect(ReceiverFunction.bound(owner.get(), Owner::receive))).isTrue();
		assertThat(GarbageCollection.collected(owner)).as("released once disconnected").isTrue();
	}

	private WeakReference<Owner> connectStronglyBoundToOwnerNobodyElseHolds() {
		Owner owner = new Owner("a");
		this.signal.connect(ReceiverFunction.bound(owner, Owner::receive), null, false, null);
		return new WeakReference<>(owner);
	}

	/** Django prunes dead receivers before answering {@code has_listeners()}. */
	@Test
	void hasListenersIsFalseAsSoonAsTheOnlyWeakReceiverIsCollected() {
		for (int i = 0; i < 10; i++) {
			WeakReference<Owner> owner = connectWeaklyBoundToOwnerNobodyElseHolds();
			assertThat(GarbageCollection.collected(owner)).isTrue();
			assertThat(this.signal.hasListeners(this)).isFalse();
			assertThat(this.signal.send(this)).isEmpty();
		}
	}

	private WeakReference<Owner> connectWeaklyBoundToOwnerNobodyElseHolds() {
		Owner owner = new Owner("a");
		this.signal.connect(ReceiverFunction.bound(owner, Owner::receive), null, true, null);
		assertThat(this.signal.hasListeners(this)).isTrue();
		return new WeakReference<>(owner);
	}

	/** Django: two different functions are two receivers, even for one owner. */
	@Test
	void distinctFunctionsBoundToOneOwnerAreDistinctReceivers() {
		Owner owner = new Owner("o");
		this.signal.connect(ReceiverFunction.bound(owner, new Tagged("A")));
		this.signal.connect(ReceiverFunction.bound(owner, new Tagged("B")));
		String prefix = "captured ";
		this.signal.connect(ReceiverFunction.bound(owner, (Owner o, SignalEvent event) -> prefix + "1"));
		String other = "captured ";
		this.signal.connect(ReceiverFunction.bound(owner, (Owner o, SignalEvent event) -> other + "2"));
		List<Object> answers = this.signal.send(this).stream().map(Response::value).toList();
		assertThat(answers).containsExactly("A", "B", "captured 1", "captured 2");
		this.signal.connections().forEach(Connection::disconnect);
	}

	/** Django: the same bound method connected twice is one receiver. */
	@Test
	void theSameBoundMethodConnectedTwiceIsOneReceiver() {
		Owner owner = new Owner("o");
		this.signal.connect(ReceiverFunction.bound(owner, Owner::receive));
		this.signal.connect(ReceiverFunction.bound(owner, Owner::receive));
		this.signal.connect(ReceiverFunction.bound(owner, new Tagged("A")));
		this.signal.connect(ReceiverFunction.bound(owner, new Tagged("A")));
		assertThat(this.signal.send(this)).hasSize(2);
		this.signal.connections().forEach(Connection::disconnect);
	}

	/**
	 * Django: {@code send()} returns {@code (receiver, response)} with the receiver
	 * connected.
	 */
	@Test
	void responseNamesTheReceiverThatWasConnected() {
		Owner owner = new Owner("a");
		ReceiverFunction connected = ReceiverFunction.bound(owner, Owner::receive);
		this.signal.connect(connected);
		Response response = this.signal.send(this).get(0);
		assertThat(response.receiver()).isEqualTo(connected).isEqualTo(ReceiverFunction.bound(owner, Owner::receive));
		this.signal.disconnect(connected);
	}

	static final class Owner {

		final String name;

		final AtomicInteger calls = new AtomicInteger();

		Owner(String name) {
			this.name = name;
		}

		Object receive(SignalEvent event) {
			this.calls.incrementAndGet();
			return this.name;
		}

	}

	/** A function object with state, as a Python callable class instance. */
	record Tagged(String tag) implements BoundReceiver<Owner> {

		@Override
		public Object receive(Owner owner, SignalEvent event) {
			return this.tag;
		}

	}

}
