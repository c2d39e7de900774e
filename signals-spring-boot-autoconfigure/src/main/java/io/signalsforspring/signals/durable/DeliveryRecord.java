package io.signalsforspring.signals.durable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One delivery as stored: a JSON document under the signal's logical name and the
 * receiver's stable name, never a Java class name, with a format version.
 *
 * <pre class="code">
 * {"format": 1, "id": "…", "signal": "post_save", "receiver": "postNotifications#emailSubscribers(Post, boolean)",
 *  "sentAt": "…", "origin": "…", "sender": {"@entityType": "Post"},
 *  "arguments": {"instance": {"@entity": "Post", "id": 42}, "created": true, …},
 *  "state": "pending", "lastError": null}
 * </pre>
 *
 * The state is {@code pending} until the delivery succeeds (the record is then deleted,
 * or kept for a while as {@code done}), {@code failed} after its last attempt, and
 * {@code quarantined} when the record itself cannot be delivered (unreadable, unknown
 * receiver, entity gone).
 */
final class DeliveryRecord {

	static final int FORMAT = 1;

	static final String PENDING = "pending";

	static final String FAILED = "failed";

	static final String QUARANTINED = "quarantined";

	static final String DONE = "done";

	private final ObjectNode node;

	private DeliveryRecord(ObjectNode node) {
		this.node = node;
	}

	static DeliveryRecord create(JsonMapper json, String id, String signal, String receiver, JsonNode sender,
			ObjectNode arguments, String origin, Outgoing outgoing) {
		ObjectNode node = json.createObjectNode();
		node.put("format", FORMAT);
		node.put("id", id);
		node.put("signal", signal);
		node.put("receiver", receiver);
		node.put("sentAt", Instant.now().toString());
		node.put("origin", origin);
		node.set("sender", sender);
		node.set("arguments", arguments);
		if (outgoing.key() != null) {
			node.put("key", outgoing.key());
		}
		if (!outgoing.headers().isEmpty()) {
			ObjectNode headers = node.putObject("headers");
			outgoing.headers().forEach(headers::put);
		}
		node.put("state", PENDING);
		node.putNull("lastError");
		return new DeliveryRecord(node);
	}

	/**
	 * The envelope that carries this send to a broker: the record without its storage
	 * state ({@code state}, {@code lastError}, {@code retryBase}, {@code headers},
	 * {@code key}), with {@code sentAt} as {@code time} and the receiver only for a
	 * broadcast.
	 * @param receiver the receiver that runs in every instance, or {@code null} for a
	 * signal externalized for other services
	 */
	Envelope envelope(JsonMapper json, @Nullable String receiver) {
		ObjectNode body = json.createObjectNode();
		body.put("format", FORMAT);
		body.put("id", id());
		body.put("signal", signal());
		if (receiver != null) {
			body.put("receiver", receiver);
		}
		body.set("sender", sender());
		body.set("arguments", arguments());
		body.put("origin", origin());
		Instant time = sentAt();
		body.put("time", (time != null) ? time.toString() : null);
		Map<String, String> headers = new LinkedHashMap<>();
		this.node.path("headers")
			.properties()
			.forEach((header) -> headers.put(header.getKey(), header.getValue().asString()));
		JsonNode key = this.node.path("key");
		return new Envelope(id(), signal(), key.isString() ? key.asString() : null, origin(),
				(time != null) ? time : Instant.now(), Map.copyOf(headers), json.writeValueAsString(body));
	}

	/**
	 * Read a stored record.
	 * @throws UnreadableDeliveryException if it is not a record of a known format
	 */
	static DeliveryRecord read(JsonMapper json, String stored) {
		JsonNode node;
		try {
			node = json.readTree(stored);
		}
		catch (RuntimeException ex) {
			throw new UnreadableDeliveryException("the record is not JSON: " + ex.getMessage());
		}
		if (!(node instanceof ObjectNode object) || object.path("format").asInt(-1) != FORMAT
				|| !object.path("signal").isString() || !object.path("receiver").isString()
				|| !object.path("arguments").isObject()) {
			throw new UnreadableDeliveryException("the record is not a delivery of format " + FORMAT);
		}
		return new DeliveryRecord(object);
	}

	/**
	 * The record to keep for a stored text that cannot be read: the text itself, and why.
	 */
	static String quarantine(JsonMapper json, String stored, String reason) {
		try {
			DeliveryRecord record = read(json, stored);
			return record.withState(QUARANTINED, reason).write(json);
		}
		catch (UnreadableDeliveryException ex) {
			ObjectNode node = json.createObjectNode();
			node.put("format", FORMAT);
			node.put("state", QUARANTINED);
			node.put("lastError", reason);
			node.put("unreadable", stored);
			return json.writeValueAsString(node);
		}
	}

	String id() {
		return this.node.path("id").asString();
	}

	String signal() {
		return this.node.path("signal").asString();
	}

	String origin() {
		return this.node.path("origin").asString("");
	}

	String receiver() {
		return this.node.path("receiver").asString();
	}

	JsonNode sender() {
		return this.node.path("sender");
	}

	ObjectNode arguments() {
		return (ObjectNode) this.node.path("arguments");
	}

	String state() {
		return this.node.path("state").asString(PENDING);
	}

	@Nullable String lastError() {
		JsonNode error = this.node.path("lastError");
		return error.isString() ? error.asString() : null;
	}

	@Nullable Instant sentAt() {
		JsonNode sentAt = this.node.path("sentAt");
		return sentAt.isString() ? Instant.parse(sentAt.asString()) : null;
	}

	/**
	 * The failed attempts an operator's retry wrote off: attempts are counted from there.
	 */
	int retryBase() {
		return this.node.path("retryBase").asInt(0);
	}

	DeliveryRecord retried(int failedAttempts) {
		ObjectNode copy = this.node.deepCopy();
		copy.put("state", PENDING);
		copy.put("retryBase", failedAttempts);
		return new DeliveryRecord(copy);
	}

	DeliveryRecord withState(String state, @Nullable String error) {
		ObjectNode copy = this.node.deepCopy();
		copy.put("state", state);
		if (error != null) {
			copy.put("lastError", error);
		}
		return new DeliveryRecord(copy);
	}

	String write(JsonMapper json) {
		return json.writeValueAsString(this.node);
	}

}
