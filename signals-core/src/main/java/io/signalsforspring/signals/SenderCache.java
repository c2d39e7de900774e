package io.signalsforspring.signals;

import java.lang.ref.WeakReference;

import org.jspecify.annotations.Nullable;

/**
 * The receivers resolved per sender for one snapshot of a signal's connections (Django's
 * {@code sender_receivers_cache}). Keyed weakly by sender identity, so it never keeps a
 * sender alive; a lookup allocates nothing. Copy-on-write: lookups read a published
 * array, an insert publishes a new one. A new snapshot starts with a new, empty cache,
 * which is how connect and disconnect invalidate it.
 */
final class SenderCache {

	/** Senders cached at most; more distinct senders are resolved without caching. */
	static final int CAPACITY = 64;

	private volatile Slot[] slots = new Slot[0];

	ReceiverEntry @Nullable [] get(Object sender) {
		for (Slot slot : this.slots) {
			if (slot.sender.get() == sender) {
				return slot.receivers;
			}
		}
		return null;
	}

	void put(Object sender, ReceiverEntry[] receivers) {
		synchronized (this) {
			Slot[] current = this.slots;
			int live = 0;
			for (Slot slot : current) {
				if (slot.sender.get() != null) {
					live++;
				}
			}
			if (live >= CAPACITY) {
				return;
			}
			Slot[] next = new Slot[live + 1];
			int i = 0;
			for (Slot slot : current) {
				if (slot.sender.get() != null) {
					next[i++] = slot;
				}
			}
			next[i] = new Slot(new WeakReference<>(sender), receivers);
			this.slots = next;
		}
	}

	int size() {
		return this.slots.length;
	}

	private record Slot(WeakReference<Object> sender, ReceiverEntry[] receivers) {
	}

}
