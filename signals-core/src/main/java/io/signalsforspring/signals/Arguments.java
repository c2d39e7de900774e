package io.signalsforspring.signals;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Named arguments for a send, when some values are {@code null} (which {@link Map#of}
 * refuses) or when many sends are made: an immutable map kept in the one array of keys
 * and values, with lookups by a scan that suits the handful of arguments a signal has.
 *
 * <pre class="code">
 * postSave.send(Post.class, Arguments.of("instance", post, "created", true, "update_fields", null));
 * </pre>
 */
public final class Arguments {

	private Arguments() {
	}

	/**
	 * Return an immutable map of alternating names and values.
	 * @param namesAndValues {@code name, value, name, value, ...}; names are distinct
	 * strings, values may be {@code null}
	 * @return the arguments
	 * @throws IllegalArgumentException if a name is missing, not a string, or repeated
	 */
	public static Map<String, @Nullable Object> of(@Nullable Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("Arguments come in name, value pairs");
		}
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!(namesAndValues[i] instanceof String name)) {
				throw new IllegalArgumentException("Argument name at position " + i + " is not a string");
			}
			for (int j = 0; j < i; j += 2) {
				if (name.equals(namesAndValues[j])) {
					throw new IllegalArgumentException("Argument '" + name + "' is given twice");
				}
			}
		}
		return new ArrayMap(namesAndValues);
	}

	/** The map behind {@link #of}: alternating keys and values in one array. */
	private static final class ArrayMap extends AbstractMap<String, @Nullable Object> {

		private final @Nullable Object[] pairs;

		ArrayMap(@Nullable Object[] pairs) {
			this.pairs = pairs;
		}

		private int indexOf(@Nullable Object key) {
			for (int i = 0; i < this.pairs.length; i += 2) {
				Object name = this.pairs[i];
				if (name == key || name.equals(key)) {
					return i;
				}
			}
			return -1;
		}

		@Override
		public @Nullable Object get(@Nullable Object key) {
			int index = indexOf(key);
			return (index >= 0) ? this.pairs[index + 1] : null;
		}

		@Override
		public boolean containsKey(@Nullable Object key) {
			return indexOf(key) >= 0;
		}

		@Override
		public int size() {
			return this.pairs.length / 2;
		}

		@Override
		public Set<Entry<String, @Nullable Object>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Entry<String, @Nullable Object>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < ArrayMap.this.pairs.length;
						}

						@Override
						public Entry<String, @Nullable Object> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							Entry<String, @Nullable Object> entry = new SimpleImmutableEntry<>(
									(String) ArrayMap.this.pairs[this.next], ArrayMap.this.pairs[this.next + 1]);
							this.next += 2;
							return entry;
						}

					};
				}

				@Override
				public int size() {
					return ArrayMap.this.size();
				}

			};
		}

	}

}
