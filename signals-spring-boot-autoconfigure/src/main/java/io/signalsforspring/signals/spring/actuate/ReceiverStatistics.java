package io.signalsforspring.signals.spring.actuate;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

/**
 * Counts the calls and failures of each connected receiver, for the {@code signals}
 * endpoint. Counting is a lock-free increment on the calling thread; the counts are held
 * by connection in a Caffeine map of weak keys, so a disconnected receiver's counts go
 * with it.
 */
public final class ReceiverStatistics implements ReceiverObserver {

	/** By connection, weakly: a disconnected receiver's counts go with it. */
	private final Map<Connection, Counts> counts = Caffeine.newBuilder().weakKeys().<Connection, Counts>build().asMap();

	@Override
	public @Nullable Object beforeReceiver(Connection connection, SignalEvent event) {
		return null;
	}

	@Override
	public void afterReceiver(Connection connection, SignalEvent event, @Nullable Object context, long nanos,
			@Nullable Throwable failure) {
		Counts counted = this.counts.computeIfAbsent(connection, (key) -> new Counts());
		counted.calls.increment();
		if (failure != null) {
			counted.errors.increment();
		}
	}

	long calls(Connection connection) {
		Counts counted = this.counts.get(connection);
		return (counted != null) ? counted.calls.sum() : 0;
	}

	long errors(Connection connection) {
		Counts counted = this.counts.get(connection);
		return (counted != null) ? counted.errors.sum() : 0;
	}

	private static final class Counts {

		final LongAdder calls = new LongAdder();

		final LongAdder errors = new LongAdder();

	}

}
