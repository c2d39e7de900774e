package io.signalsforspring.signals;

import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The connections of one signal: registration with Django's de-duplication, lazy pruning
 * of dead weak references, muting, and the lock-free lookup of the receivers for a
 * sender.
 *
 * <p>
 * Writers take the lock and publish a new immutable {@link Snapshot}; sends read the
 * published snapshot without locking.
 */
final class ReceiverRegistry {

	static final ReceiverEntry[] NONE = new ReceiverEntry[0];

	private final Signal signal;

	private final Object lock = new Object();

	/** Where the weak references to receivers, owners and senders report their death. */
	private final ReferenceQueue<Object> deaths = new ReferenceQueue<>();

	private volatile Snapshot snapshot = new Snapshot(NONE, false);

	/** Mutings not yet ended; written under the lock, and published by the snapshot. */
	private int mutes;

	ReceiverRegistry(Signal signal) {
		this.signal = signal;
	}

	Connection register(ReceiverFunction receiver, @Nullable Object sender, boolean weak,
			@Nullable String dispatchUid) {
		String uid = (dispatchUid == null || dispatchUid.isEmpty()) ? null : dispatchUid;
		synchronized (this.lock) {
			purgeDeadLocked();
			ReceiverEntry existing = findLocked(uid, receiver, sender);
			if (existing != null) {
				return existing;
			}
			ReceiverEntry entry = new ReceiverEntry(this.signal, receiver, sender, weak, uid, this.deaths);
			ReceiverEntry[] all = Arrays.copyOf(this.snapshot.all, this.snapshot.all.length + 1);
			all[all.length - 1] = entry;
			publishLocked(all);
			return entry;
		}
	}

	boolean disconnect(@Nullable String uid, @Nullable ReceiverFunction receiver, @Nullable Object sender) {
		synchronized (this.lock) {
			ReceiverEntry entry = findLocked(uid, receiver, sender);
			return entry != null && disconnect(entry);
		}
	}

	boolean disconnect(ReceiverEntry entry) {
		synchronized (this.lock) {
			ReceiverEntry[] all = this.snapshot.all;
			List<ReceiverEntry> rest = new ArrayList<>(all.length);
			for (ReceiverEntry each : all) {
				if (each != entry) {
					rest.add(each);
				}
			}
			boolean found = rest.size() != all.length;
			if (found) {
				entry.markDisconnected();
				publishLocked(rest.toArray(NONE));
			}
			purgeDeadLocked();
			return found;
		}
	}

	private @Nullable ReceiverEntry findLocked(@Nullable String uid, @Nullable ReceiverFunction receiver,
			@Nullable Object sender) {
		for (ReceiverEntry entry : this.snapshot.all) {
			if (entry.isAlive() && entry.hasKey(uid, receiver, sender)) {
				return entry;
			}
		}
		return null;
	}

	List<Connection> connections() {
		List<Connection> live = new ArrayList<>();
		for (ReceiverEntry entry : this.snapshot.all) {
			if (entry.isAlive()) {
				live.add(entry);
			}
		}
		return live;
	}

	/**
	 * The receivers a send from this sender calls. Allocates nothing, except the first
	 * time after a connect or disconnect that a receiver limited to a sender exists and a
	 * sender is given, when the {@link SenderIndex} of the new snapshot is built.
	 */
	ReceiverEntry[] liveReceivers(@Nullable Object sender) {
		if (this.deaths.poll() != null) {
			synchronized (this.lock) {
				purgeLocked();
			}
		}
		Snapshot current = this.snapshot;
		if (current.silent) {
			return NONE;
		}
		if (sender == null) {
			return current.anySender;
		}
		if (!current.senderFiltered) {
			return current.all;
		}
		return current.index().get(sender);
	}

	/** The sender index of the current snapshot, for tests. */
	SenderIndex index() {
		return this.snapshot.index();
	}

	void mute() {
		synchronized (this.lock) {
			this.mutes++;
			publishLocked(this.snapshot.all);
		}
	}

	void unmute() {
		synchronized (this.lock) {
			this.mutes--;
			publishLocked(this.snapshot.all);
		}
	}

	/**
	 * Drop entries whose receiver, owner or sender was collected. The reference queue
	 * only tells that something died (and may do so while a send holds an old snapshot);
	 * which entries are dead is read off the entries themselves, here, under the lock, as
	 * Django prunes lazily rather than in its GC callback.
	 */
	private void purgeDeadLocked() {
		if (this.deaths.poll() != null) {
			purgeLocked();
		}
	}

	/** Prune after the queue reported a death; drains what else it reports. */
	private void purgeLocked() {
		boolean more = true;
		while (more) {
			more = this.deaths.poll() != null;
		}
		List<ReceiverEntry> alive = new ArrayList<>();
		for (ReceiverEntry entry : this.snapshot.all) {
			if (entry.isAlive()) {
				alive.add(entry);
			}
			else {
				entry.markDisconnected();
			}
		}
		if (alive.size() != this.snapshot.all.length) {
			publishLocked(alive.toArray(NONE));
		}
	}

	private void publishLocked(ReceiverEntry[] all) {
		this.snapshot = new Snapshot(all, this.mutes != 0);
	}

	/** An immutable view of the connections that sends read without locking. */
	private static final class Snapshot {

		final ReceiverEntry[] all;

		final ReceiverEntry[] anySender;

		final boolean senderFiltered;

		/** Whether sends call nobody: no connections, or the signal is muted. */
		final boolean silent;

		/**
		 * Built by the first send that needs it; a race builds it twice, harmlessly, and
		 * its final fields make it safe to publish without a lock.
		 */
		private @Nullable SenderIndex index;

		Snapshot(ReceiverEntry[] all, boolean muted) {
			this.all = all;
			this.silent = all.length == 0 || muted;
			List<ReceiverEntry> any = new ArrayList<>();
			for (ReceiverEntry entry : all) {
				if (!entry.hasSenderFilter()) {
					any.add(entry);
				}
			}
			this.anySender = (any.size() == all.length) ? all : any.toArray(NONE);
			this.senderFiltered = any.size() != all.length;
		}

		SenderIndex index() {
			SenderIndex built = this.index;
			if (built == null) {
				built = SenderIndex.of(this.all, this.anySender);
				this.index = built;
			}
			return built;
		}

	}

}
