package io.signalsforspring.signals.jpa;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.signalsforspring.signals.Signal;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionEventListener;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventSource;
import org.jspecify.annotations.Nullable;

/**
 * The model signals of each Hibernate session that must wait until the session can be
 * used again, and the sends during which it must not be written.
 *
 * <p>
 * Hibernate raises {@code post_save}, {@code post_delete} and the collection events while
 * it executes its queue of inserts, updates and deletes; a receiver that persists,
 * removes or queries there re-enters that queue (duplicate INSERTs, a
 * {@code ConcurrentModificationException}). So those signals are {@link #defer deferred}
 * and {@link #sendDeferred sent} once the operation that executed the queue (a
 * {@code persist}, a {@code merge}, a flush) has finished, in the order they were raised.
 * A receiver may then use the session freely; what it saves sends its own signals.
 *
 * <p>
 * {@code pre_save} is different: it runs while Hibernate writes the very row the receiver
 * may change. It is sent {@link #sendGuarded guarded}: auto-flush is off while its
 * receivers run, and a persist, merge, remove or flush fails with a message that names
 * the receiver.
 */
final class SessionSignals {

	/** Flushes of receivers' writes inside one another before the bridge gives up. */
	static final int MAX_NESTED_FLUSHES = 32;

	private final Map<SharedSessionContractImplementor, Pending> sessions = Collections
		.synchronizedMap(new WeakHashMap<>());

	/** The state of the session last used, checked before the map. */
	private volatile @Nullable Pending last;

	/**
	 * How many guarded sends are under way in any session: a cheap test for the guard.
	 */
	private final AtomicInteger guarded = new AtomicInteger();

	/**
	 * Send now if the session is stateless (it has no queue to re-enter), otherwise when
	 * the current operation of the session has finished.
	 */
	void defer(SharedSessionContractImplementor session, Signal signal, Class<?> sender, Map<String, ?> arguments) {
		if (session.isStateless()) {
			signal.send(sender, arguments);
			return;
		}
		pending(session).sends.add(new Send(signal, sender, arguments));
	}

	/**
	 * Send what the session deferred, oldest first. A receiver that writes through the
	 * session may defer more; those are sent by the operation that raised them, inside
	 * this one, as a nested {@code save()} in a Django receiver sends its signals at
	 * once.
	 * @return whether anything was sent
	 */
	boolean sendDeferred(SharedSessionContractImplementor session) {
		Pending pending = existing(session);
		if (pending == null || pending.sends.isEmpty()) {
			return false;
		}
		List<Send> sends = pending.sends;
		pending.sends = new ArrayList<>();
		for (Send send : sends) {
			send.signal.send(send.sender, send.arguments);
		}
		return true;
	}

	/**
	 * After a flush: send what it deferred and, if that reached receivers, flush what
	 * they wrote (which may defer more, sent by that nested flush).
	 * @throws IllegalStateException if receivers keep writing for
	 * {@value #MAX_NESTED_FLUSHES} nested flushes
	 */
	void sendDeferredAndFlush(EventSource session) {
		Pending pending = existing(session);
		if (pending == null || pending.sends.isEmpty()) {
			return;
		}
		if (pending.flushes >= MAX_NESTED_FLUSHES) {
			pending.sends = new ArrayList<>();
			throw new IllegalStateException("Receivers of model signals kept writing: " + MAX_NESTED_FLUSHES
					+ " flushes of what they wrote followed one another. A receiver that changes its own "
					+ "instance in post_save each time it runs saves it again forever, as in Django.");
		}
		pending.flushes++;
		try {
			sendDeferred(session);
			session.flush();
		}
		finally {
			pending.flushes--;
		}
	}

	/**
	 * Send a signal whose receivers must not write through the session: auto-flush is off
	 * while they run, and {@link #checkWritable} refuses writes.
	 * @param what the signal and sender, for the message of a refused write
	 */
	void sendGuarded(SharedSessionContractImplementor session, Signal signal, Class<?> sender, Map<String, ?> arguments,
			String what) {
		send(session, signal, sender, arguments, what);
	}

	/**
	 * Send a signal with auto-flush off: its receivers may persist and remove, but a
	 * flush is not possible at this moment (Hibernate is cascading a removal), so their
	 * queries see the database without the session's pending changes.
	 */
	void sendWithoutAutoFlush(SharedSessionContractImplementor session, Signal signal, Class<?> sender,
			Map<String, ?> arguments) {
		send(session, signal, sender, arguments, null);
	}

	private void send(SharedSessionContractImplementor session, Signal signal, Class<?> sender,
			Map<String, ?> arguments, @Nullable String guard) {
		if (!(session instanceof Session stateful)) {
			signal.send(sender, arguments);
			return;
		}
		Pending pending = pending(session);
		String outer = pending.guard;
		FlushMode flushMode = stateful.getHibernateFlushMode();
		pending.guard = (guard != null) ? guard : outer;
		this.guarded.incrementAndGet();
		stateful.setHibernateFlushMode(FlushMode.MANUAL);
		try {
			signal.send(sender, arguments);
		}
		finally {
			stateful.setHibernateFlushMode(flushMode);
			this.guarded.decrementAndGet();
			pending.guard = outer;
		}
	}

	/**
	 * Refuse a write if a guarded send is under way in the session.
	 * @param operation what the receiver called, such as {@code persist}
	 * @throws IllegalStateException naming the receiver, the signal and what to do
	 * instead
	 */
	void checkWritable(SharedSessionContractImplementor session, String operation) {
		if (this.guarded.get() == 0) {
			return;
		}
		Pending pending = existing(session);
		if (pending != null && pending.guard != null) {
			throw new IllegalStateException(
					ReceiverFrames.caller() + " called " + operation + "() on the session while " + "receiving "
							+ pending.guard + ", which Hibernate sends during a flush, where the session must "
							+ "not be written or flushed. Change only the instance there; save, update or delete other "
							+ "entities from post_save or post_delete, which run once the row is written, in the same "
							+ "transaction.");
		}
	}

	/**
	 * Remember, until the session's transaction ends, the entity whose removal made the
	 * session remove this one: Django's {@code origin}.
	 */
	void removing(SharedSessionContractImplementor session, Object entity, Object origin) {
		Pending pending = pending(session);
		if (pending.origins == null) {
			pending.origins = new IdentityHashMap<>();
		}
		pending.origins.put(entity, origin);
	}

	/**
	 * Whether {@link #removing} was told of the entity in this transaction.
	 */
	boolean isRemoving(SharedSessionContractImplementor session, Object entity) {
		Pending pending = existing(session);
		return pending != null && pending.origins != null && pending.origins.containsKey(entity);
	}

	/**
	 * Forget the entity's origin and return it: the entity itself if it was removed
	 * without {@link #removing} being told (an orphan, a stateless delete).
	 */
	Object removed(SharedSessionContractImplementor session, Object entity) {
		Pending pending = existing(session);
		Object origin = (pending != null && pending.origins != null) ? pending.origins.remove(entity) : null;
		return (origin != null) ? origin : entity;
	}

	/**
	 * The entity of the innermost top-level {@code remove()} under way in the session, or
	 * {@code null}.
	 */
	@Nullable Object currentRemove(SharedSessionContractImplementor session) {
		Pending pending = existing(session);
		return (pending != null) ? pending.removes.peek() : null;
	}

	void enterRemove(SharedSessionContractImplementor session, Object entity) {
		pending(session).removes.push(entity);
	}

	void exitRemove(SharedSessionContractImplementor session) {
		Pending pending = existing(session);
		if (pending != null) {
			pending.removes.poll();
		}
	}

	private Pending pending(SharedSessionContractImplementor session) {
		Pending pending = existing(session);
		if (pending == null) {
			pending = new Pending(session);
			this.sessions.put(session, pending);
			this.last = pending;
			session.getEventListenerManager().addListener(new Cleanup(session, pending));
		}
		return pending;
	}

	/**
	 * The session's state if it has any. The last one used is checked first: a session's
	 * events come in runs on its own thread.
	 */
	private @Nullable Pending existing(SharedSessionContractImplementor session) {
		Pending last = this.last;
		if (last != null && last.session.get() == session) {
			return last;
		}
		Pending pending = this.sessions.get(session);
		if (pending != null) {
			this.last = pending;
		}
		return pending;
	}

	private record Send(Signal signal, Class<?> sender, Map<String, ?> arguments) {

	}

	/**
	 * One session's deferred sends, the guard of its current {@code pre_save}, and the
	 * origins of what it removes.
	 */
	private static final class Pending {

		/** Weakly: the cache of the last one used must not keep a session alive. */
		final WeakReference<SharedSessionContractImplementor> session;

		List<Send> sends = new ArrayList<>();

		@Nullable String guard;

		int flushes;

		@Nullable Map<Object, Object> origins;

		final Deque<Object> removes = new ArrayDeque<>(2);

		Pending(SharedSessionContractImplementor session) {
			this.session = new WeakReference<>(session);
		}

		void clear() {
			this.sends = new ArrayList<>();
			this.origins = null;
			this.removes.clear();
		}

	}

	/**
	 * Forgets a session's deferred sends when its transaction ends (a failed flush may
	 * leave some behind: they belong to work that was rolled back) and the session itself
	 * when it closes. Held by the session only, so it keeps nothing alive.
	 */
	private final class Cleanup implements SessionEventListener {

		private final SharedSessionContractImplementor session;

		private final Pending pending;

		Cleanup(SharedSessionContractImplementor session, Pending pending) {
			this.session = session;
			this.pending = pending;
		}

		@Override
		public void transactionCompletion(boolean successful) {
			this.pending.clear();
		}

		@Override
		public void end() {
			this.pending.clear();
			this.pending.session.clear();
			SessionSignals.this.sessions.remove(this.session);
		}

	}

}
