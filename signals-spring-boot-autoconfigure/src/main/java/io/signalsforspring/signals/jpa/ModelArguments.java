package io.signalsforspring.signals.jpa;

import java.util.Map;
import java.util.Set;

import io.signalsforspring.signals.Arguments;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Django's arguments of the save and delete signals, built from Hibernate's state.
 */
final class ModelArguments {

	private ModelArguments() {
	}

	/**
	 * The arguments of {@code pre_save} ({@code created} is {@code null}) or
	 * {@code post_save}. For an update, {@code update_fields} names the changed
	 * properties and {@code previous_values} holds their values before the change.
	 * @param dirty the indexes of the changed properties, {@code null} for an insert
	 * @param oldState the state before the change, if known
	 */
	static Map<String, @Nullable Object> save(Object instance, @Nullable Boolean created, String using,
			EntityPersister persister, int @Nullable [] dirty, Object @Nullable [] oldState) {
		if (dirty == null) {
			return (created == null)
					? Arguments.of("instance", instance, "raw", false, "using", using, "update_fields", null)
					: Arguments.of("instance", instance, "created", created, "raw", false, "using", using,
							"update_fields", null);
		}
		String[] names = persister.getPropertyNames();
		String[] changed = new String[dirty.length];
		@Nullable Object[] namesAndValues = new Object[(oldState != null) ? 2 * dirty.length : 0];
		for (int i = 0; i < dirty.length; i++) {
			changed[i] = names[dirty[i]];
			if (oldState != null) {
				namesAndValues[2 * i] = changed[i];
				namesAndValues[2 * i + 1] = oldState[dirty[i]];
			}
		}
		Set<String> fields = Set.of(changed);
		Map<String, @Nullable Object> previous = Arguments.of(namesAndValues);
		return (created == null)
				? Arguments.of("instance", instance, "raw", false, "using", using, "update_fields", fields,
						"previous_values", previous)
				: Arguments.of("instance", instance, "created", created, "raw", false, "using", using, "update_fields",
						fields, "previous_values", previous);
	}

	static Map<String, Object> delete(Object instance, String using, Object origin) {
		return Map.of("instance", instance, "using", using, "origin", origin);
	}

}
