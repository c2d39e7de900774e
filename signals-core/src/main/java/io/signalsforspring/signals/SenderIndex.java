package io.signalsforspring.signals;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The receivers of each sender that receivers were connected for, resolved once per
 * snapshot of a signal's connections (Django's {@code sender_receivers_cache}, for every
 * signal). A lookup among a few senders compares each of them with the sender; among
 * more, it hashes the sender's identity, compares hashes and confirms the one candidate.
 * It allocates nothing. Senders that no receiver is limited to get the receivers of any
 * sender. Senders are held weakly, as the connections hold them.
 */
final class SenderIndex {

	/** Up to this many senders are looked up by comparing each. */
	private static final int SCANNED = 4;

	private final int mask;

	private final int[] hashes;

	private final @Nullable WeakReference<Object>[] senders;

	private final ReceiverEntry[][] receivers;

	private final ReceiverEntry[] anySender;

	@SuppressWarnings("unchecked")
	private SenderIndex(Map<Object, Group> groups, ReceiverEntry[] anySender) {
		boolean scanned = groups.size() <= SCANNED;
		int capacity = scanned ? groups.size() : Integer.highestOneBit(groups.size() * 2 - 1) << 1;
		this.mask = scanned ? -1 : capacity - 1;
		this.hashes = new int[capacity];
		this.senders = new WeakReference[capacity];
		this.receivers = new ReceiverEntry[capacity][];
		this.anySender = anySender;
		int next = 0;
		for (Map.Entry<Object, Group> group : groups.entrySet()) {
			int hash = System.identityHashCode(group.getKey());
			int slot = scanned ? next++ : hash & this.mask;
			while (this.senders[slot] != null) {
				slot = (slot + 1) & this.mask;
			}
			this.hashes[slot] = hash;
			this.senders[slot] = group.getValue().sender();
			this.receivers[slot] = group.getValue().receivers().toArray(ReceiverRegistry.NONE);
		}
	}

	/**
	 * Resolve the receivers of every live sender of these connections, each list in
	 * connection order with the receivers of any sender among them.
	 * @param all the connections, in connection order
	 * @param anySender those of them that are not limited to a sender
	 * @return the index
	 */
	static SenderIndex of(ReceiverEntry[] all, ReceiverEntry[] anySender) {
		Map<Object, Group> groups = new IdentityHashMap<>();
		List<ReceiverEntry> anySoFar = new ArrayList<>();
		for (ReceiverEntry entry : all) {
			WeakReference<Object> reference = entry.senderReference();
			if (reference == null) {
				anySoFar.add(entry);
				groups.values().forEach((group) -> group.receivers().add(entry));
				continue;
			}
			Object sender = reference.get();
			if (sender != null) {
				groups.computeIfAbsent(sender, (key) -> new Group(reference, new ArrayList<>(anySoFar)))
					.receivers()
					.add(entry);
			}
		}
		return new SenderIndex(groups, anySender);
	}

	/** The receivers of one sender while they are gathered, and the reference to it. */
	private record Group(WeakReference<Object> sender, List<ReceiverEntry> receivers) {
	}

	/**
	 * The receivers a send from this sender calls.
	 * @param sender the sender
	 * @return its receivers, in connection order
	 */
	ReceiverEntry[] get(Object sender) {
		if (this.mask == -1) {
			@Nullable WeakReference<Object>[] few = this.senders;
			for (int i = 0; i < few.length; i++) {
				WeakReference<Object> candidate = few[i];
				if (candidate != null && candidate.get() == sender) {
					return this.receivers[i];
				}
			}
			return this.anySender;
		}
		int hash = System.identityHashCode(sender);
		int slot = hash & this.mask;
		WeakReference<Object> candidate;
		while ((candidate = this.senders[slot]) != null) {
			if (this.hashes[slot] == hash && candidate.get() == sender) {
				return this.receivers[slot];
			}
			slot = (slot + 1) & this.mask;
		}
		return this.anySender;
	}

	/** The number of senders indexed, for tests. */
	int size() {
		int size = 0;
		for (WeakReference<Object> sender : this.senders) {
			if (sender != null) {
				size++;
			}
		}
		return size;
	}

}
