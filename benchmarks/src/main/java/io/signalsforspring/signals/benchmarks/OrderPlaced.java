package io.signalsforspring.signals.benchmarks;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

/** The custom signal of the dispatch benchmarks: two named arguments. */
public final class OrderPlaced extends Signal {

	/** Create the signal. */
	public OrderPlaced() {
		super(SignalSpec.named("order_placed").argument("order", String.class).argument("quantity", Integer.class));
	}

}
