package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

/**
 * A durable or broadcast receiver connected in code: a receiver function under a stable
 * name, with the default retry settings.
 *
 * @param signal the signal
 * @param name the stable name
 * @param function the receiver function
 */
public record ConnectedReceiver(Signal signal, String name, ReceiverFunction function) implements DurableReceiver {

	@Override
	public int maxAttempts() {
		return -1;
	}

	@Override
	public String firstRetryDelay() {
		return "";
	}

	@Override
	public String maxRetryDelay() {
		return "";
	}

	@Override
	public @Nullable Object invoke(SignalEvent event) throws Exception {
		return this.function.receive(event);
	}

}
