package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Signal;
import org.jspecify.annotations.Nullable;

/**
 * A receiver that failed where no caller could see its exception: in a commit phase after
 * the commit, or on the signals task executor.
 *
 * @param signal the signal that was sent
 * @param sender the sender, or {@code null}
 * @param receiver the receiver, as {@code beanName#method(parameter types)}
 * @param phase the phase it ran in
 * @param async whether it ran on the signals task executor
 * @param exception what it threw, or why it could not run
 */
public record ReceiverFailure(Signal signal, @Nullable Object sender, String receiver, Phase phase, boolean async,
		Throwable exception) {

	@Override
	public String toString() {
		return "Receiver " + this.receiver + " of " + this.signal + " (sender " + this.sender + ", phase " + this.phase
				+ (this.async ? ", async" : "") + ") failed: " + this.exception;
	}

}
