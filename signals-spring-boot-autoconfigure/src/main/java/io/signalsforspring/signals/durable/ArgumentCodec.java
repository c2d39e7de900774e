package io.signalsforspring.signals.durable;

import java.lang.reflect.Modifier;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.signalsforspring.signals.AuthSignals;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.RequestSignals;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import jakarta.persistence.Entity;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.ClassUtils;

/**
 * Writes the sender and arguments of a send into a delivery record, and reads them back:
 * entities as entity name and id (loaded fresh at delivery), maps and collections element
 * by element, everything else with the application's JSON mapper, read back as the type
 * the signal declares.
 */
final class ArgumentCodec {

	private static final boolean JPA_PRESENT = ClassUtils.isPresent("jakarta.persistence.Entity",
			ArgumentCodec.class.getClassLoader());

	private final JsonMapper json;

	private final Entities entities;

	ArgumentCodec(JsonMapper json, Entities entities) {
		this.json = json;
		this.entities = entities;
	}

	JsonMapper json() {
		return this.json;
	}

	/**
	 * Check at start-up that every argument of a signal can be stored.
	 * @throws IllegalStateException naming the first argument that cannot
	 */
	void checkStorable(Signal signal) {
		Class<?> family = signal.getClass().getEnclosingClass();
		if (family == RequestSignals.class || family == DatabaseSignals.class || family == AuthSignals.class) {
			SignalSpec.Argument live = signal.arguments().get(0);
			throw new IllegalStateException("argument '" + live.name() + "' of " + signal
					+ " is a live object of the framework (a request, a connection, a user's session), which "
					+ "cannot be stored in a delivery record; only after-commit model and custom signals can have "
					+ "durable receivers");
		}
		for (SignalSpec.Argument argument : signal.arguments()) {
			if (!storable(argument.type())) {
				throw new IllegalStateException("argument '" + argument.name() + "' of " + signal + " ("
						+ argument.type().getName() + ") cannot be stored in a delivery record: a durable receiver's "
						+ "arguments must be entities, JSON values (strings, numbers, booleans, enums, dates, "
						+ "UUIDs), collections and maps of them, records, or classes the JSON mapper can write");
			}
		}
	}

	private boolean storable(Class<?> type) {
		if (type == Object.class || type.isPrimitive() || type.isEnum() || type.isRecord()
				|| CharSequence.class.isAssignableFrom(type) || Number.class.isAssignableFrom(type)
				|| type == Boolean.class || type == Character.class || type == UUID.class
				|| TemporalAccessor.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)
				|| Map.class.isAssignableFrom(type) || type.isArray()) {
			return true;
		}
		if ((JPA_PRESENT && type.isAnnotationPresent(Entity.class)) || this.entities.nameOf(type) != null) {
			return true;
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return false;
		}
		return ClassUtils.hasConstructor(type);
	}

	/**
	 * Check, before anything is loaded or run, that what an envelope from a broker names
	 * fits the receiver it names: a sender class the receiver listens to, only the
	 * arguments the signal declares, and entities of the types the signal and the
	 * receiver declare.
	 * @throws RefusedMessageException naming what does not fit
	 */
	void checkFits(JsonNode sender, ObjectNode arguments, DurableReceiver receiver) {
		Signal signal = receiver.signal();
		Class<?> senderType = null;
		if (sender.has("@entityType")) {
			senderType = knownEntity(sender.path("@entityType").asString());
		}
		else if (sender.has("@type")) {
			String name = sender.path("@type").asString();
			senderType = receiver.senders()
				.stream()
				.filter((type) -> type.getName().equals(name))
				.findFirst()
				.orElseThrow(() -> new RefusedMessageException(
						"the sender class " + name + " is not a sender " + receiver.name() + " is connected for"));
		}
		if (senderType != null && !receiver.senders().isEmpty()) {
			Class<?> type = senderType;
			if (receiver.senders().stream().noneMatch((declared) -> declared.isAssignableFrom(type))) {
				throw new RefusedMessageException(
						"the sender " + type.getName() + " is not a sender " + receiver.name() + " is connected for");
			}
		}
		for (Map.Entry<String, JsonNode> entry : arguments.properties()) {
			String name = entry.getKey();
			SignalSpec.Argument argument = declared(signal, name);
			if (argument == null && !signal.arguments().isEmpty()) {
				throw new RefusedMessageException("argument '" + name + "' is not an argument of " + signal);
			}
			JsonNode value = entry.getValue();
			if (value.isObject() && value.has("@entity")) {
				Class<?> type = knownEntity(value.path("@entity").asString());
				Class<?> declaredType = (argument != null) ? argument.type() : Object.class;
				Class<?> taken = receiver.argumentType(name);
				if (!declaredType.isAssignableFrom(type) || !taken.isAssignableFrom(type)) {
					throw new RefusedMessageException(
							"argument '" + name + "' is a " + type.getName() + ", but " + signal + " declares "
									+ declaredType.getName() + " and " + receiver.name() + " takes " + taken.getName());
				}
			}
		}
	}

	private Class<?> knownEntity(String name) {
		try {
			return this.entities.type(name);
		}
		catch (RuntimeException ex) {
			throw new RefusedMessageException("the entity " + name + " is not an entity of this application");
		}
	}

	private static SignalSpec.@Nullable Argument declared(Signal signal, String name) {
		if (DurableReceiver.DELIVERY_ID.equals(name)) {
			return null;
		}
		for (SignalSpec.Argument argument : signal.arguments()) {
			if (argument.name().equals(name)) {
				return argument;
			}
		}
		return null;
	}

	JsonNode writeSender(@Nullable Object sender) {
		if (sender instanceof Class<?> type) {
			String entity = this.entities.nameOf(type);
			ObjectNode node = this.json.createObjectNode();
			if (entity != null) {
				node.put("@entityType", entity);
			}
			else {
				node.put("@type", type.getName());
			}
			return node;
		}
		return write("sender", sender);
	}

	@Nullable Object readSender(JsonNode node) {
		if (node.has("@entityType")) {
			return this.entities.type(node.path("@entityType").asString());
		}
		if (node.has("@type")) {
			String name = node.path("@type").asString();
			try {
				return ClassUtils.forName(name, ArgumentCodec.class.getClassLoader());
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new UnreadableDeliveryException("the sender class " + name + " no longer exists");
			}
		}
		return read(node, Object.class);
	}

	ObjectNode writeArguments(Map<String, @Nullable Object> arguments) {
		ObjectNode node = this.json.createObjectNode();
		arguments.forEach((name, value) -> node.set(name, write(name, value)));
		return node;
	}

	Map<String, @Nullable Object> readArguments(ObjectNode node, Signal signal) {
		Map<String, @Nullable Object> arguments = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			Class<?> declared = Object.class;
			for (SignalSpec.Argument argument : signal.arguments()) {
				if (argument.name().equals(entry.getKey())) {
					declared = argument.type();
				}
			}
			JsonNode value = entry.getValue();
			try {
				arguments.put(entry.getKey(), read(value, declared));
			}
			catch (UnreadableDeliveryException.EntityGone ex) {
				if (!deletes(signal) || !value.has("@entity")) {
					throw ex;
				}
				// what pre_delete and post_delete name is gone once the delete commits
				arguments.put(entry.getKey(),
						this.entities.deleted(value.path("@entity").asString(), value.path("id")));
			}
		}
		return arguments;
	}

	private static boolean deletes(Signal signal) {
		return signal instanceof ModelSignals.PreDelete || signal instanceof ModelSignals.PostDelete;
	}

	private JsonNode write(String name, @Nullable Object value) {
		if (value == null) {
			return this.json.nullNode();
		}
		String entity = this.entities.nameOf(value.getClass());
		if (entity != null) {
			Object id = this.entities.idOf(value);
			if (id == null) {
				throw new IllegalArgumentException(
						"argument '" + name + "' is an entity without an id (" + entity + "), which cannot be stored");
			}
			ObjectNode node = this.json.createObjectNode();
			node.put("@entity", entity);
			node.set("id", this.json.valueToTree(id));
			return node;
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode node = this.json.createObjectNode();
			map.forEach((key, element) -> node.set(String.valueOf(key), write(name, element)));
			return node;
		}
		if (value instanceof Collection<?> collection) {
			ArrayNode node = this.json.createArrayNode();
			collection.forEach((element) -> node.add(write(name, element)));
			return node;
		}
		try {
			return this.json.valueToTree(value);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("argument '" + name + "' (" + value.getClass().getName()
					+ ") cannot be written as JSON: " + ex.getMessage(), ex);
		}
	}

	private @Nullable Object read(JsonNode node, Class<?> declared) {
		if (node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isObject() && node.has("@entity")) {
			return this.entities.load(node.path("@entity").asString(), node.path("id"));
		}
		if (node.isObject() && (declared == Object.class || Map.class.isAssignableFrom(declared))) {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				map.put(entry.getKey(), read(entry.getValue(), Object.class));
			}
			return map;
		}
		if (node.isArray() && (declared == Object.class || Collection.class.isAssignableFrom(declared))) {
			Collection<@Nullable Object> elements = Set.class.isAssignableFrom(declared) ? new LinkedHashSet<>()
					: new ArrayList<>();
			for (JsonNode element : node) {
				elements.add(read(element, Object.class));
			}
			return elements;
		}
		try {
			return this.json.treeToValue(node, declared);
		}
		catch (RuntimeException ex) {
			throw new UnreadableDeliveryException(
					"a stored " + declared.getSimpleName() + " cannot be read back: " + ex.getMessage());
		}
	}

}
