package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

/** A custom signal of the tests, Django's {@code order_confirmed = Signal()}. */
final class OrderConfirmed extends Signal {

	OrderConfirmed() {
		super(SignalSpec.named("order_confirmed")
			.argument("order", String.class)
			.argument("quantity", Integer.class)
			.optionalArgument("gift_note", String.class)
			.optionalArgument("customer", ReceiverMethodTests.Customer.class));
	}

}
