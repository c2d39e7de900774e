package io.signalsforspring.signals;

/**
 * Django's database backend signal ({@code django.db.backends.signals}).
 */
public final class DatabaseSignals {

	private DatabaseSignals() {
	}

	/**
	 * {@code connection_created}: a new physical database connection was opened (not sent
	 * for connections reused from a pool); arguments {@code connection}, {@code using}.
	 */
	public static final class ConnectionCreated extends Signal {

		/** Create the signal. */
		public ConnectionCreated() {
			super(SignalSpec.named("connection_created")
				.argument("connection", Object.class)
				.argument("using", String.class));
		}

	}

}
