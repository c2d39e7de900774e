package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

/** A custom signal kept as a constant rather than a bean (seed 004's book_published). */
public final class BookPublished extends Signal {

	/** The signal. */
	public static final BookPublished SIGNAL = new BookPublished();

	private BookPublished() {
		super(SignalSpec.named("book_published").argument("book", String.class));
	}

}
