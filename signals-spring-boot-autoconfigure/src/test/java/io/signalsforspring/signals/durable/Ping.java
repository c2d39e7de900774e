package io.signalsforspring.signals.durable;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

/**
 * A custom signal for durable receivers that fail or count; a bean of each instance, so
 * that two instances in one JVM do not share it.
 */
public final class Ping extends Signal {

	/** Create the signal. */
	public Ping() {
		super(SignalSpec.named("ping").argument("text", String.class));
	}

}
