package io.signalsforspring.signals;

/**
 * A change to a signal that lasts until it is closed, for try-with-resources blocks: a
 * {@link Connection} (blinker's {@code connected_to}) or a muting
 * ({@link Signal#muted()}).
 */
public interface Scope extends AutoCloseable {

	/**
	 * Undo the change. Closing twice has no further effect.
	 */
	@Override
	void close();

}
