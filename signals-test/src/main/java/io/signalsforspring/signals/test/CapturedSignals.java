package io.signalsforspring.signals.test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.Scope;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;

/**
 * What a set of signals sent while capturing: every send, in order, whether or not anyone
 * else listens. Capturing connects one receiver (for any sender) to each signal, so a
 * capture also makes senders that skip work when nobody listens do that work; closing the
 * capture disconnects it.
 *
 * <pre class="code">
 * try (CapturedSignals sent = CapturedSignals.capture(postSave)) {
 *     posts.save(new Post("Hello"));
 *     SignalsAssertions.assertThat(sent).sent(PostSave.class).from(Post.class).with("created", true).once();
 * }
 * </pre>
 *
 * Thread-safe: receivers may send from other threads.
 */
public final class CapturedSignals implements Scope {

	private final List<SignalEvent> events = new CopyOnWriteArrayList<>();

	private final List<Connection> connections = new ArrayList<>();

	private CapturedSignals(Collection<? extends Signal> signals) {
		for (Signal signal : signals) {
			this.connections.add(signal.connect(this.events::add));
		}
	}

	/**
	 * Start capturing what these signals send.
	 * @param signals the signals
	 * @return the capture, to close when done
	 */
	public static CapturedSignals capture(Signal... signals) {
		return new CapturedSignals(List.of(signals));
	}

	/**
	 * Start capturing what these signals send.
	 * @param signals the signals
	 * @return the capture, to close when done
	 */
	public static CapturedSignals capture(Collection<? extends Signal> signals) {
		return new CapturedSignals(signals);
	}

	/**
	 * Return every captured send, in order.
	 * @return the events
	 */
	public List<SignalEvent> events() {
		return List.copyOf(this.events);
	}

	/**
	 * Return the captured sends of one signal type, in order.
	 * @param type the signal's type
	 * @return the events
	 */
	public List<SignalEvent> of(Class<? extends Signal> type) {
		return this.events.stream().filter((event) -> type.isInstance(event.signal())).toList();
	}

	/**
	 * Forget what was captured so far.
	 */
	public void clear() {
		this.events.clear();
	}

	/**
	 * Stop capturing.
	 */
	@Override
	public void close() {
		this.connections.forEach(Connection::disconnect);
	}

}
