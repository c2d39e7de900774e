package io.signalsforspring.signals.test;

import java.util.HashMap;
import java.util.Map;

/** Arguments of a model save, as the Hibernate bridge sends them. */
final class Saves {

	private Saves() {
	}

	static Map<String, Object> preSave(Object instance) {
		Map<String, Object> arguments = new HashMap<>();
		arguments.put("instance", instance);
		arguments.put("raw", false);
		arguments.put("using", "test");
		arguments.put("update_fields", null);
		return arguments;
	}

	static Map<String, Object> postSave(Object instance, boolean created) {
		Map<String, Object> arguments = preSave(instance);
		arguments.put("created", created);
		return arguments;
	}

}
