package io.signalsforspring.signals.jpa.tutorial;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;

/**
 * Seed 004's custom signal: {@code book_published = Signal()}, sent with the book and its
 * author.
 */
public final class BookPublished extends Signal {

	public BookPublished() {
		super(SignalSpec.named("book_published").argument("book", Book.class).argument("user", Writer.class));
	}

}
