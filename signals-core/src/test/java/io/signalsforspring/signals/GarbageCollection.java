package io.signalsforspring.signals;

import java.lang.ref.WeakReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the collector until a condition holds, for tests of what the registry keeps alive.
 */
final class GarbageCollection {

	private GarbageCollection() {
	}

	/** Run several collections, for tests of what must survive them. */
	static void collect() {
		until(() -> false);
	}

	/** Whether the referent was collected within a generous number of collections. */
	static boolean collected(WeakReference<?> reference) {
		return until(() -> reference.get() == null);
	}

	static boolean until(BooleanSupplier condition) {
		for (int i = 0; i < 50 && !condition.getAsBoolean(); i++) {
			System.gc();
			byte[][] pressure = new byte[64][];
			for (int j = 0; j < pressure.length; j++) {
				pressure[j] = new byte[16 * 1024];
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return condition.getAsBoolean();
			}
		}
		return condition.getAsBoolean();
	}

}
