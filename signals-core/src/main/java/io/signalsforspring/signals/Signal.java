package io.signalsforspring.signals;

import java.lang.invoke.MethodType;
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

	/** The names of the declared arguments, by slot. */
	private final String[] names;

	/** The types of the declared arguments, by slot, primitives boxed. */
	private final Class<?>[] types;

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
		this.names = new String[arguments.size()];
		this.types = new Class<?>[arguments.size()];
		for (int i = 0; i < this.names.length; i++) {
			this.names[i] = arguments.get(i).name();
			this.types[i] = MethodType.methodType(arguments.get(i).type()).wrap().returnType();
		}
		this.registry = new ReceiverRegistry(this);
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
		ReceiverEntry[] receivers = this.registry.liveReceivers(sender);
		return (receivers.length == 0) ? List.of() : dispatch(receivers, event(sender, arguments), false);
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
		ReceiverEntry[] receivers = this.registry.liveReceivers(sender);
		return (receivers.length == 0) ? List.of() : dispatch(receivers, event(sender, arguments), true);
	}

	/**
	 * Make the event of a send in advance, from the value of this signal's one declared
	 * argument; see {@link #event(Object, Object...)}.
	 * @param sender the sender, or {@code null}
	 * @param value the value of the declared argument
	 * @return the event
	 */
	public final SignalEvent event(@Nullable Object sender, @Nullable Object value) {
		return prepared(sender, new Object[] { value });
	}

	/**
	 * Make the event of a send in advance, from the values of this signal's two declared
	 * arguments; see {@link #event(Object, Object...)}.
	 * @param sender the sender, or {@code null}
	 * @param first the value of the first declared argument
	 * @param second the value of the second
	 * @return the event
	 */
	public final SignalEvent event(@Nullable Object sender, @Nullable Object first, @Nullable Object second) {
		return prepared(sender, new Object[] { first, second });
	}

	/**
	 * Make the event of a send in advance, from the values of this signal's three
	 * declared arguments; see {@link #event(Object, Object...)}.
	 * @param sender the sender, or {@code null}
	 * @param first the value of the first declared argument
	 * @param second the value of the second
	 * @param third the value of the third
	 * @return the event
	 */
	public final SignalEvent event(@Nullable Object sender, @Nullable Object first, @Nullable Object second,
			@Nullable Object third) {
		return prepared(sender, new Object[] { first, second, third });
	}

	/**
	 * Make the event of a send in advance, from the values of this signal's declared
	 * arguments in declaration order: the fast lane beside {@link #send(Object, Map)}.
	 * The values are checked here, once, so that {@link #sendEvent} needs no check, and
	 * receivers see the event as if it had been sent with a map of the same arguments.
	 * Signals of one, two or three arguments have overloads that take the values one by
	 * one.
	 *
	 * <pre class="code">
	 * SignalEvent placed = orderPlaced.event(Shop.class, order, 2); // order, quantity
	 * orderPlaced.sendEvent(placed);
	 * </pre>
	 * @param sender the sender, or {@code null}
	 * @param values one value per declared argument, in declaration order; {@code null}
	 * where a value is {@code null}. Every argument is passed, optional ones included (to
	 * leave one out, send a map). The array is copied
	 * @return the event, which may be sent any number of times
	 * @throws IllegalStateException if this signal declares no arguments
	 * @throws IllegalArgumentException if the number of values differs from the number of
	 * declared arguments, or a value is not of its argument's type
	 */
	public final SignalEvent event(@Nullable Object sender, @Nullable Object... values) {
		return prepared(sender, values.clone());
	}

	/** Check values that nobody else holds, and make them an event. */
	private SignalEvent prepared(@Nullable Object sender, @Nullable Object[] values) {
		Class<?>[] declaredTypes = this.types;
		if (values.length != declaredTypes.length) {
			throw wrongCount(values.length);
		}
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value != null && !declaredTypes[i].isInstance(value)) {
				throw new IllegalArgumentException("Value " + (i + 1) + " for " + this + " is a "
						+ value.getClass().getName() + ", but argument '" + this.names[i] + "' is a "
						+ declaredTypes[i].getName() + "; it declares " + arguments());
			}
		}
		return new SignalEvent(this, sender, values);
	}

	private RuntimeException wrongCount(int count) {
		if (this.names.length == 0) {
			return new IllegalStateException(this + " declares no arguments, so it has no slots to fill; send it "
					+ "with a map of named arguments");
		}
		return new IllegalArgumentException(count + " value(s) given for " + this + ", which declares " + arguments()
				+ "; pass one value per declared argument, in that order");
	}

	/**
	 * Send an event made in advance, as {@link #send(Object, Map)} sends its sender and
	 * arguments. An event from {@link #event(Object, Object...)} was checked when it was
	 * made; one from {@link SignalEvent#of} is checked now.
	 * @param event the event
	 * @return the responses, in connection order; an empty list when nobody listens
	 * @throws IllegalArgumentException if the event is another signal's, or its arguments
	 * do not match
	 */
	public final List<Response> sendEvent(SignalEvent event) {
		ReceiverEntry[] receivers = this.registry.liveReceivers(ownEvent(event).sender());
		return (receivers.length == 0) ? List.of() : dispatch(receivers, event, false);
	}

	/**
	 * Send an event made in advance to every receiver, even when some of them fail, as
	 * {@link #sendRobust(Object, Map)} does.
	 * @param event the event
	 * @return the responses of every receiver, in connection order
	 * @throws IllegalArgumentException if the event is another signal's, or its arguments
	 * do not match
	 */
	public final List<Response> sendRobustEvent(SignalEvent event) {
		ReceiverEntry[] receivers = this.registry.liveReceivers(ownEvent(event).sender());
		return (receivers.length == 0) ? List.of() : dispatch(receivers, event, true);
	}

	private SignalEvent ownEvent(SignalEvent event) {
		if (event.signal() != this) {
			throw new IllegalArgumentException("Cannot send an event of " + event.signal() + " with " + this);
		}
		if (!event.isPrepared() && this.declared != null) {
			SignalSpec.check(this, this.declared, event.arguments());
		}
		return event;
	}

	/**
	 * The loop of the sends on this thread: receivers in connection order, skipping those
	 * collected since the snapshot was taken. Responses are made when read.
	 */
	private List<Response> dispatch(ReceiverEntry[] receivers, SignalEvent event, boolean robust) {
		long start = logger.isDebugEnabled() ? System.nanoTime() : 0;
		if (receivers.length == 1 && start == 0) {
			ReceiverEntry receiver = receivers[0];
			ReceiverFunction target = receiver.target();
			if (target == null) {
				return List.of();
			}
			if (robust) {
				try {
					return OneResponse.of(receiver, invoke(this.observers, receiver, target, event),
							receiver.noValue());
				}
				catch (Exception ex) {
					return List.of(failed(receiver, ex));
				}
			}
			return OneResponse.of(receiver, callValue(this.observers, receiver, target, event), receiver.noValue());
		}
		ReceiverObserver[] observing = this.observers;
		ReceiverEntry[] called = receivers;
		Object[] values = new Object[receivers.length];
		Exception @Nullable [] errors = null;
		int count = 0;
		for (ReceiverEntry receiver : receivers) {
			ReceiverFunction target = receiver.target();
			if (target == null) {
				if (called == receivers) {
					called = Arrays.copyOf(receivers, receivers.length);
				}
				continue;
			}
			if (called != receivers) {
				called[count] = receiver;
			}
			if (robust) {
				try {
					values[count] = invoke(observing, receiver, target, event);
				}
				catch (Exception ex) {
					logFailure(receiver, ex);
					if (errors == null) {
						errors = new Exception[receivers.length];
					}
					errors[count] = ex;
				}
			}
			else {
				values[count] = callValue(observing, receiver, target, event);
			}
			count++;
		}
		List<Response> responses = new ResponseList(called, values, errors, count);
		if (start != 0) {
			logDispatch(robust ? "sendRobust" : "send", event.sender(), responses, start);
		}
		return responses;
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
		return new Response(receiver, callValue(this.observers, receiver, target, event), null);
	}

	/** Call a receiver; its exception propagates, a checked one wrapped. */
	private @Nullable Object callValue(ReceiverObserver[] observing, ReceiverEntry receiver, ReceiverFunction target,
			SignalEvent event) {
		try {
			return invoke(observing, receiver, target, event);
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
			return new Response(receiver, invoke(this.observers, receiver, target, event), null);
		}
		catch (Exception ex) {
			return failed(receiver, ex);
		}
	}

	private Response failed(ReceiverEntry receiver, Exception ex) {
		logFailure(receiver, ex);
		return new Response(receiver, null, ex);
	}

	private void logFailure(ReceiverEntry receiver, Exception ex) {
		logger.error("Error calling {} in {} sendRobust() ({})", receiver, this, ex.toString(), ex);
	}

	private @Nullable Object invoke(ReceiverObserver[] observing, ReceiverEntry receiver, ReceiverFunction target,
			SignalEvent event) throws Exception {
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

	private void logDispatch(String how, @Nullable Object sender, List<Response> responses, long start) {
		long micros = (System.nanoTime() - start) / 1000;
		logger.debug("{} {} from {} to {} receiver(s) in {} µs: {}", how, this, sender, responses.size(), micros,
				responses.stream()
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

	/** The names of the declared arguments, by slot; shared, never to be changed. */
	String[] declaredNames() {
		return this.names;
	}

	/**
	 * The slot of a declared argument, or {@code -1}: a scan that compares identity
	 * first, since receivers mostly ask with the declared name itself.
	 */
	int slot(String name) {
		String[] declaredNames = this.names;
		for (int i = 0; i < declaredNames.length; i++) {
			if (declaredNames[i] == name) {
				return i;
			}
		}
		for (int i = 0; i < declaredNames.length; i++) {
			if (declaredNames[i].equals(name)) {
				return i;
			}
		}
		return -1;
	}

}
