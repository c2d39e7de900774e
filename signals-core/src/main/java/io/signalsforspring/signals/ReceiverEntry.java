package io.signalsforspring.signals;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A connected receiver: how it is held, the sender it is limited to and the key that
 * de-duplicates it. Immutable but for the {@code connected} flag, which only the registry
 * clears.
 */
final class ReceiverEntry implements Connection {

	private final Signal signal;

	private final @Nullable ReceiverFunction strongReceiver;

	private final @Nullable WeakReference<ReceiverFunction> weakReceiver;

	/** The owner of a bound receiver, watched so that its death prunes this entry. */
	private final @Nullable WeakReference<Object> owner;

	/**
	 * The owner of a bound receiver connected with {@code weak = false}, held strongly as
	 * Django's {@code connect(a.a, weak=False)} holds {@code a}.
	 */
	private final @Nullable Object strongOwner;

	private final @Nullable WeakReference<Object> sender;

	private final @Nullable String dispatchUid;

	private volatile boolean connected = true;

	/** The responses of a send that this receiver answered with {@code null}. */
	private final List<Response> noValue = List.of(new Response(this, null, null));

	ReceiverEntry(Signal signal, ReceiverFunction receiver, @Nullable Object sender, boolean weak,
			@Nullable String dispatchUid, ReferenceQueue<Object> queue) {
		this.signal = signal;
		Object ownerObject = (receiver instanceof OwnedReceiver owned) ? owned.owner() : null;
		// A bound receiver is a wrapper only the registry refers to: held weakly, it
		// would
		// die at once. Its weakness is its owner's, as Django's WeakMethod follows the
		// instance.
		boolean weakWrapper = weak && ownerObject == null;
		this.strongReceiver = weakWrapper ? null : receiver;
		this.weakReceiver = weakWrapper ? new WeakReference<>(receiver, queue) : null;
		this.owner = (ownerObject != null) ? new WeakReference<>(ownerObject, queue) : null;
		this.strongOwner = (!weak) ? ownerObject : null;
		this.sender = (sender != null) ? new WeakReference<>(sender, queue) : null;
		this.dispatchUid = dispatchUid;
	}

	/**
	 * The receiver to call, or {@code null} if it (or its owner) has been collected; a
	 * send reads it once, so a receiver collected since the snapshot was taken is
	 * skipped.
	 */
	@Nullable ReceiverFunction target() {
		ReceiverFunction receiver = (this.weakReceiver != null) ? this.weakReceiver.get() : this.strongReceiver;
		return (this.owner != null && this.owner.get() == null) ? null : receiver;
	}

	boolean isAlive() {
		return this.connected && target() != null && (this.sender == null || this.sender.get() != null);
	}

	/**
	 * Whether this entry has the lookup key Django would compute: the uid if one was
	 * given, else the receiver's identity (equality for bound receivers), and the
	 * sender's identity in both cases.
	 */
	boolean hasKey(@Nullable String uid, @Nullable ReceiverFunction receiver, @Nullable Object candidateSender) {
		if (!sameSender(candidateSender)) {
			return false;
		}
		if (uid != null) {
			return uid.equals(this.dispatchUid);
		}
		if (this.dispatchUid != null || receiver == null) {
			return false;
		}
		ReceiverFunction mine = target();
		return mine == receiver || (mine instanceof OwnedReceiver && mine.equals(receiver));
	}

	private boolean sameSender(@Nullable Object candidate) {
		if (this.sender == null) {
			return candidate == null;
		}
		return candidate != null && this.sender.get() == candidate;
	}

	/** The weak reference to the sender this receiver is limited to, or {@code null}. */
	@Nullable WeakReference<Object> senderReference() {
		return this.sender;
	}

	List<Response> noValue() {
		return this.noValue;
	}

	void markDisconnected() {
		this.connected = false;
	}

	@Override
	public Signal signal() {
		return this.signal;
	}

	/**
	 * What was connected: for a bound receiver, equal to
	 * {@code ReceiverFunction.bound(owner, method)}.
	 */
	@Override
	public @Nullable Object receiver() {
		return target();
	}

	@Override
	public @Nullable Object owner() {
		return (this.owner != null) ? this.owner.get() : null;
	}

	@Override
	public @Nullable Object sender() {
		return (this.sender != null) ? this.sender.get() : null;
	}

	@Override
	public boolean hasSenderFilter() {
		return this.sender != null;
	}

	@Override
	public @Nullable String dispatchUid() {
		return this.dispatchUid;
	}

	@Override
	public boolean isWeak() {
		return this.weakReceiver != null || (this.owner != null && this.strongOwner == null);
	}

	@Override
	public boolean isConnected() {
		return isAlive();
	}

	@Override
	public boolean disconnect() {
		return this.signal.registry().disconnect(this);
	}

	@Override
	public String toString() {
		ReceiverFunction receiver = target();
		String name = (receiver != null) ? describe(receiver) : "<collected receiver>";
		return (this.dispatchUid != null) ? name + " [uid " + this.dispatchUid + "]" : name;
	}

	static String describe(Object receiver) {
		Class<?> type = receiver.getClass();
		if (type.isHidden() || type.isSynthetic()) {
			return "lambda in " + type.getName().replaceAll("\\$\\$Lambda.*", "");
		}
		return receiver.toString();
	}

}
