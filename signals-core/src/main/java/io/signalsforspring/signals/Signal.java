package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signal that receivers connect to and senders send: Django's {@code Signal}.
 *
 * <p>
 * Receivers are called in connection order, on the sending thread for {@link #send} and
 * {@link #sendRobust}, or on an executor for {@link #sendAsync} and
 * {@link #sendRobustAsync}. A receiver connected with a sender is called only for sends
 * from that very object (identity; a class sender matches that exact class, never a
 * subclass); one connected without a sender is called for every send.
 *
 * <p>
 * All methods are thread-safe. A send works on a snapshot of the connections taken when
 * it starts: a receiver connected during a send is first called by the next send, and one
 * disconnected during a send is still called by it. Receivers are held strongly unless
 * connected weakly; senders are always held weakly, so connecting for a sender never
 * keeps it alive.
 *
 * <p>
 * Application code declares signals as shared objects, often as subclasses so that Spring
 * code can refer to them by type ({@code final class BookPublished extends Signal}).
 * Identity is the signal object: signals are equal only to themselves.
 */
public class Signal {

	/** The logger of every signal, Django's {@code django.dispatch}. */
	public static final String LOGGER_NAME = "io.signalsforspring.signals";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final ReceiverObserver[] NO_OBSERVERS = new ReceiverObserver[0];

	private final String name;

	private final SignalSpec.Argument @Nullable [] declared;

	private final ReceiverRegistry registry;

	private final Object observerLock = new Object();

	private volatile ReceiverObserver[] observers = NO_OBSERVERS;

	/**
	 * Create a signal that declares no arguments and does not cache receivers.
	 * @param name the name used in messages and introspection
	 */
	public Signal(String name) {
		this(SignalSpec.named(name));
	}

	/**
	 * Create a signal from a spec.
	 * @param spec the name, arguments and caching of the signal
	 */
	public Signal(SignalSpec spec) {
		this.name = spec.name();
		List<SignalSpec.Argument> arguments = spec.arguments();
		this.declared = arguments.isEmpty() ? null : arguments.toArray(new SignalSpec.Argument[0]);
		this.registry = new ReceiverRegistry(this, spec.isUseCaching());
	}

	/**
	 * Return the name of this signal.
	 * @return the name
	 */
	public final String name() {
		return this.name;
	}

	/**
	 * Return the arguments this signal declares, empty if it accepts any.
	 * @return the declared arguments, in declaration order
	 */
	public final List<SignalSpec.Argument> arguments() {
		return (this.declared != null) ? List.of(this.declared) : List.of();
	}

	/**
	 * Connect a receiver for every sender: strongly held, except a
	 * {@link ReceiverFunction#bound bound} receiver, which lives as long as its owner
	 * (Django's default {@code weak=True} for a bound method).
	 * @param receiver the receiver
	 * @return its connection; the existing one if this receiver was already connected
	 */
	public final Connection connect(ReceiverFunction receiver) {
		return connect(receiver, null, receiver instanceof OwnedReceiver, null);
	}

	/**
	 * Connect a receiver for one sender: strongly held, except a
	 * {@link ReceiverFunction#bound bound} receiver, which lives as long as its owner.
	 * @param receiver the receiver
	 * @param sender the only sender to receive from, or {@code null} for any
	 * @return its connection; the existing one if already connected for that sender
	 */
	public final Connection connect(ReceiverFunction receiver, @Nullable Object sender) {
		return connect(receiver, sender, receiver instanceof OwnedReceiver, null);
	}

	/**
	 * Connect a receiver: Django's {@code connect(receiver, sender, weak, dispatch_uid)}.
	 * @param receiver the receiver
	 * @param sender the only sender to receive from, or {@code null} for any
	 * @param weak whether to hold the receiver weakly; it is then disconnected once
	 * nothing else refers to it. For a {@link ReceiverFunction#bound bound} receiver this
	 * is its owner's lifetime: {@code true} follows the owner, {@code false} keeps the
	 * owner alive until the receiver is disconnected, as Django's {@code weak=False} does
	 * @param dispatchUid a key that replaces the receiver's identity for de-duplication,
	 * or {@code null} (an empty uid counts as none)
	 * @return the new connection, or the existing one with the same key (the first
	 * connection wins)
	 * @throws IllegalArgumentException when asked to hold a lambda or method reference
	 * weakly: nothing else refers to it, so it would vanish at the next garbage
	 * collection; use {@link ReceiverFunction#bound(Object, BoundReceiver)} instead,
	 * which lives as long as its owner
	 */
	public final Connection connect(ReceiverFunction receiver, @Nullable Object sender, boolean weak,
			@Nullable String dispatchUid) {
		if (weak && (receiver.getClass().isHidden() || receiver.getClass().isSynthetic())) {
			throw new IllegalArgumentException("Cannot connect the lambda or method reference " + receiver + " to "
					+ this + " weakly: nothing else holds it, so it would be collected at once. Connect it "
					+ "strongly, or bind it to its owner with ReceiverFunction.bound(owner, Owner::method)");
		}
		return this.registry.register(receiver, sender, weak, dispatchUid);
	}

	/**
	 * Disconnect a receiver connected for every sender.
	 * @param receiver the receiver: the same object that was connected, or an equal
	 * {@link ReceiverFunction#bound bound} receiver
	 * @return {@code true} if it was connected
	 */
	public final boolean disconnect(ReceiverFunction receiver) {
		return disconnect(receiver, null);
	}

	/**
	 * Disconnect a receiver connected for a sender.
	 * @param receiver the receiver: the same object that was connected, or an equal
	 * {@link ReceiverFunction#bound bound} receiver
	 * @param sender the sender given at connect time, or {@code null}
	 * @return {@code true} if it was connected
	 */
	public final boolean disconnect(ReceiverFunction receiver, @Nullable Object sender) {
		return this.registry.disconnect(null, receiver, sender);
	}

	/**
	 * Disconnect the receiver connected with a dispatch uid.
	 * @param dispatchUid the uid given at connect time
	 * @param sender the sender given at connect time, or {@code null}
	 * @return {@code true} if it was connected
	 */
	public final boolean disconnectUid(String dispatchUid, @Nullable Object sender) {
		return this.registry.disconnect(dispatchUid, null, sender);
	}

	/**
	 * Return the live connections, in connection order.
	 * @return a snapshot of the connections
	 */
	public final List<Connection> connections() {
		return Collections.unmodifiableList(this.registry.connections());
	}

	/**
	 * Return whether a send from this sender would call any receiver: Django's
	 * {@code has_listeners}. Use it to skip building arguments nobody reads. A muted
	 * signal has no listeners.
	 * @param sender the sender, or {@code null} for the receivers of any sender only
	 * @return {@code true} if a receiver would be called
	 */
	public final boolean hasListeners(@Nullable Object sender) {
		for (ReceiverEntry receiver : this.registry.liveReceivers(sender)) {
			if (receiver.target() != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Send this signal with no arguments; see {@link #send(Object, Map)}.
	 * @param sender the sender, or {@code null}
	 * @return the responses, in connection order
	 */
	public final List<Response> send(@Nullable Object sender) {
		return send(sender, Map.of());
	}

	/**
	 * Send this signal to its receivers, in connection order, on this thread.
	 *
	 * <p>
	 * If a receiver throws, the exception propagates to the caller and later receivers
	 * are not called: runtime exceptions and errors as they are, checked exceptions
	 * wrapped in a {@link ReceiverException}.
	 * @param sender the sender, or {@code null} to reach only receivers of any sender
	 * @param arguments the named arguments (a map that permits {@code null} values, such
	 * as a {@code HashMap}, when one is {@code null})
	 * @return the responses, in connection order; an empty list when nobody listens
	 * @throws IllegalArgumentException if this signal declares its arguments and these do
	 * not match
	 */
	public final List<Response> send(@Nullable Object sender, Map<String, ?> arguments) {
		return dispatch(sender, arguments, false);
	}

	/**
	 * Send this signal to every receiver, on this thread, even when some of them fail:
	 * Django's {@code send_robust}.
	 *
	 * <p>
	 * A receiver's exception becomes its response's {@link Response#error()} and is
	 * logged at ERROR on the {@value #LOGGER_NAME} logger with the signal and the
	 * receiver. Errors ({@link OutOfMemoryError} and the like) are not caught.
	 * @param sender the sender, or {@code null}
	 * @param arguments the named arguments
	 * @return the responses of every receiver, in connection order
	 * @throws IllegalArgumentException if this signal declares its arguments and these do
	 * not match
	 */
	public final List<Response> sendRobust(@Nullable Object sender, Map<String, ?> arguments) {
		return dispatch(sender, arguments, true);
	}

	/**
	 * The loop of {@link #send} and {@link #sendRobust}: receivers in connection order,
	 * on this thread, skipping those collected since the snapshot was taken.
	 */
	private List<Response> dispatch(@Nullable Object sender, Map<String, ?> arguments, boolean robust) {
		ReceiverEntry[] receivers = this.registry.liveReceivers(sender);
		if (receivers.length == 0) {
			return List.of();
		}
		long start = logger.isDebugEnabled() ? System.nanoTime() : 0;
		SignalEvent event = event(sender, arguments);
		if (receivers.length == 1 && start == 0) {
			ReceiverEntry receiver = receivers[0];
			ReceiverFunction target = receiver.target();
			if (target == null) {
				return List.of();
			}
			if (robust) {
				return List.of(callRobust(receiver, target, event));
			}
			return OneResponse.of(receiver, callValue(receiver, target, event), receiver.noValue());
		}
		Response[] responses = new Response[receivers.length];
		int count = 0;
		for (ReceiverEntry receiver : receivers) {
			ReceiverFunction target = receiver.target();
			if (target != null) {
				responses[count++] = robust ? callRobust(receiver, target, event) : call(receiver, target, event);
			}
		}
		if (start != 0) {
			logDispatch(robust ? "sendRobust" : "send", sender, responses, count, start);
		}
		return new ResponseList(responses, count);
	}

	/**
	 * Send this signal with every receiver running as its own task on an executor.
	 * Receivers may run concurrently; every one of them runs even when one fails.
	 * @param sender the sender, or {@code null}
	 * @param arguments the named arguments
	 * @param executor where the receivers run
	 * @return the responses in connection order once every receiver is done; completed
	 * exceptionally with the exception of the first failing receiver in connection order
	 * @throws IllegalArgumentException (immediately) if the arguments do not match
	 */
	public final CompletableFuture<List<Response>> sendAsync(@Nullable Object sender, Map<String, ?> arguments,
			Executor executor) {
		return sendAsync(sender, arguments, executor, false);
	}

	/**
	 * Send this signal with every receiver running as its own task on an executor,
	 * failures reported as in {@link #sendRobust}.
	 * @param sender the sender, or {@code null}
	 * @param arguments the named arguments
	 * @param executor where the receivers run
	 * @return the responses of every receiver in connection order once all are done
	 * @throws IllegalArgumentException (immediately) if the arguments do not match
	 */
	public final CompletableFuture<List<Response>> sendRobustAsync(@Nullable Object sender, Map<String, ?> arguments,
			Executor executor) {
		return sendAsync(sender, arguments, executor, true);
	}

	private CompletableFuture<List<Response>> sendAsync(@Nullable Object sender, Map<String, ?> arguments,
			Executor executor, boolean robust) {
		ReceiverEntry[] receivers = this.registry.liveReceivers(sender);
		if (receivers.length == 0) {
			return CompletableFuture.completedFuture(List.of());
		}
		SignalEvent event = event(sender, arguments);
		List<CompletableFuture<@Nullable Response>> calls = new ArrayList<>(receivers.length);
		for (ReceiverEntry receiver : receivers) {
			calls.add(CompletableFuture.supplyAsync(() -> callAsync(receiver, event, robust), executor));
		}
		return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
			.handle((done, failure) -> AsyncResults.collect(calls));
	}

	private @Nullable Response callAsync(ReceiverEntry receiver, SignalEvent event, boolean robust) {
		ReceiverFunction target = receiver.target();
		if (target == null) {
			return null;
		}
		return robust ? callRobust(receiver, target, event) : call(receiver, target, event);
	}

	/** Call a receiver; its exception propagates, a checked one wrapped. */
	private Response call(ReceiverEntry receiver, ReceiverFunction target, SignalEvent event) {
		return new Response(receiver, callValue(receiver, target, event), null);
	}

	/** Call a receiver; its exception propagates, a checked one wrapped. */
	private @Nullable Object callValue(ReceiverEntry receiver, ReceiverFunction target, SignalEvent event) {
		try {
			return invoke(receiver, target, event);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ReceiverException(receiver, ex);
		}
	}

	/** Call a receiver; its exception is logged and becomes its response. */
	private Response callRobust(ReceiverEntry receiver, ReceiverFunction target, SignalEvent event) {
		try {
			return new Response(receiver, invoke(receiver, target, event), null);
		}
		catch (Exception ex) {
			logger.error("Error calling {} in {} sendRobust() ({})", receiver, this, ex.toString(), ex);
			return new Response(receiver, null, ex);
		}
	}

	private @Nullable Object invoke(ReceiverEntry receiver, ReceiverFunction target, SignalEvent event)
			throws Exception {
		ReceiverObserver[] observing = this.observers;
		if (observing.length == 0) {
			return target.receive(event);
		}
		Object[] contexts = new Object[observing.length];
		for (int i = 0; i < observing.length; i++) {
			contexts[i] = observing[i].beforeReceiver(receiver, event);
		}
		long start = System.nanoTime();
		Throwable failure = null;
		try {
			return target.receive(event);
		}
		catch (Throwable ex) {
			failure = ex;
			throw ex;
		}
		finally {
			long nanos = System.nanoTime() - start;
			for (int i = observing.length - 1; i >= 0; i--) {
				observing[i].afterReceiver(receiver, event, contexts[i], nanos, failure);
			}
		}
	}

	private void logDispatch(String how, @Nullable Object sender, Response[] responses, int count, long start) {
		long micros = (System.nanoTime() - start) / 1000;
		List<Response> called = Arrays.asList(responses).subList(0, count);
		logger.debug("{} {} from {} to {} receiver(s) in {} µs: {}", how, this, sender, count, micros,
				called.stream()
					.map((response) -> response.connection() + (response.failed() ? " (failed)" : ""))
					.toList());
	}

	private SignalEvent event(@Nullable Object sender, Map<String, ?> arguments) {
		if (this.declared != null) {
			SignalSpec.check(this, this.declared, arguments);
		}
		return new SignalEvent(this, sender, arguments);
	}

	/**
	 * Mute this signal until the returned scope is closed: sends call no receiver and
	 * return no responses (blinker's {@code muted}). Mutings nest; the signal speaks
	 * again when the last one is closed. Muting affects every thread.
	 * @return the scope that ends the muting
	 */
	public final Scope muted() {
		this.registry.mute();
		AtomicBoolean open = new AtomicBoolean(true);
		return () -> {
			if (open.compareAndSet(true, false)) {
				this.registry.unmute();
			}
		};
	}

	/**
	 * Add an observer of every receiver call of this signal. Adding the same observer
	 * again has no effect.
	 * @param observer the observer
	 */
	public final void addObserver(ReceiverObserver observer) {
		synchronized (this.observerLock) {
			if (!Arrays.asList(this.observers).contains(observer)) {
				ReceiverObserver[] next = Arrays.copyOf(this.observers, this.observers.length + 1);
				next[next.length - 1] = observer;
				this.observers = next;
			}
		}
	}

	/**
	 * Remove an observer.
	 * @param observer the observer
	 * @return {@code true} if it was observing this signal
	 */
	public final boolean removeObserver(ReceiverObserver observer) {
		synchronized (this.observerLock) {
			List<ReceiverObserver> rest = new ArrayList<>(Arrays.asList(this.observers));
			boolean removed = rest.remove(observer);
			this.observers = rest.toArray(NO_OBSERVERS);
			return removed;
		}
	}

	@Override
	public String toString() {
		return "signal '" + this.name + "'";
	}

	ReceiverRegistry registry() {
		return this.registry;
	}

}
