package io.signalsforspring.signals;

import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReceiverLifetimeTests {

	private final Signal signal = new Signal(SignalSpec.named("post_save"));

	@AfterEach
	void leavesNoReceiverConnected() {
		assertThat(this.signal.connections()).isEmpty();
	}

	@Test
	void deadWeakReceiverIsPurged() {
		WeakReference<ReceiverFunction> reference = connectWeakReceiver();
		assertThat(GarbageCollection.collected(reference)).isTrue();
		assertThat(this.signal.send(this)).isEmpty();
		assertThat(this.signal.connections()).isEmpty();
		assertThat(GarbageCollection.until(() -> this.signal.registry().liveReceivers(null).length == 0))
			.as("pruned once the reference queue reports the death")
			.isTrue();
	}

	private WeakReference<ReceiverFunction> connectWeakReceiver() {
		ReceiverFunction receiver = new CountingReceiver();
		this.signal.connect(receiver, null, true, null);
		assertThat(this.signal.send(this)).hasSize(1);
		return new WeakReference<>(receiver);
	}

	@Test
	void stronglyHeldReceiverSurvivesCollection() {
		AtomicInteger calls = new AtomicInteger();
		WeakReference<ReceiverFunction> reference = connectStrongLambda(calls);
		assertThat(GarbageCollection.collected(reference)).isFalse();
		this.signal.send(this);
		assertThat(calls).hasValue(1);
		assertThat(this.signal.disconnect(reference.get())).isTrue();
	}

	private WeakReference<ReceiverFunction> connectStrongLambda(AtomicInteger calls) {
		ReceiverFunction receiver = (event) -> calls.incrementAndGet();
		this.signal.connect(receiver);
		return new WeakReference<>(receiver);
	}

	@Test
	void weakLambdaIsRefusedRatherThanSilentlyCollected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.signal.connect((event) -> null, null, true, null))
			.withMessageContaining("would be collected at once")
			.withMessageContaining("ReceiverFunction.bound(owner, Owner::method)");
	}

	@Test
	void boundReceiverLivesAsLongAsItsOwner() {
		CountingReceiver owner = new CountingReceiver();
		this.signal.connect(ReceiverFunction.bound(owner, CountingReceiver::receive));
		GarbageCollection.collect();
		this.signal.send(this);
		assertThat(owner.calls).isEqualTo(1);
		assertThat(this.signal.disconnect(ReceiverFunction.bound(owner, CountingReceiver::receive))).isTrue();
	}

	@Test
	void boundReceiverIsPurgedWhenItsOwnerDies() {
		WeakReference<CountingReceiver> owner = connectBoundToShortLivedOwner();
		assertThat(GarbageCollection.collected(owner)).isTrue();
		assertThat(this.signal.send(this)).isEmpty();
		assertThat(this.signal.connections()).isEmpty();
	}

	private WeakReference<CountingReceiver> connectBoundToShortLivedOwner() {
		CountingReceiver owner = new CountingReceiver();
		this.signal.connect(ReceiverFunction.bound(owner, CountingReceiver::receive));
		return new WeakReference<>(owner);
	}

	@Test
	void registryNeverKeepsASenderAlive() {
		ReceiverFunction receiver = (event) -> null;
		WeakReference<Object> sender = connectForShortLivedSender(receiver);
		assertThat(GarbageCollection.collected(sender)).isTrue();
		this.signal.send(this);
		assertThat(this.signal.connections()).isEmpty();
	}

	private WeakReference<Object> connectForShortLivedSender(ReceiverFunction receiver) {
		Object sender = new Object();
		this.signal.connect(receiver, sender);
		assertThat(this.signal.send(sender)).hasSize(1);
		return new WeakReference<>(sender);
	}

	static final class CountingReceiver implements ReceiverFunction {

		int calls;

		@Override
		public Object receive(SignalEvent event) {
			return ++this.calls;
		}

	}

}
