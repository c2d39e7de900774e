package io.signalsforspring.signals;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The read-only map view of a prepared event's arguments: the signal's declared names and
 * the event's values, in declaration order. Made only when a receiver asks for the
 * arguments as a map.
 */
final class DeclaredArguments extends AbstractMap<String, @Nullable Object> {

	private final String[] names;

	private final @Nullable Object[] values;

	DeclaredArguments(String[] names, @Nullable Object[] values) {
		this.names = names;
		this.values = values;
	}

	private int indexOf(@Nullable Object key) {
		for (int i = 0; i < this.names.length; i++) {
			if (this.names[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	@Override
	public @Nullable Object get(@Nullable Object key) {
		int index = indexOf(key);
		return (index >= 0) ? this.values[index] : null;
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return indexOf(key) >= 0;
	}

	@Override
	public int size() {
		return this.names.length;
	}

	@Override
	public Set<Entry<String, @Nullable Object>> entrySet() {
		return new AbstractSet<>() {

			@Override
			public Iterator<Entry<String, @Nullable Object>> iterator() {
				return new AbstractList<Entry<String, @Nullable Object>>() {

					@Override
					public Entry<String, @Nullable Object> get(int index) {
						return new SimpleImmutableEntry<>(DeclaredArguments.this.names[index],
								DeclaredArguments.this.values[index]);
					}

					@Override
					public int size() {
						return DeclaredArguments.this.names.length;
					}

				}.iterator();
			}

			@Override
			public int size() {
				return DeclaredArguments.this.names.length;
			}

		};
	}

}
