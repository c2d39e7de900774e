package io.signalsforspring.signals.durable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One delivery as stored: a JSON document under the signal's logical name and the
 * receiver's stable name, never a Java class name, with a format version.
 *
 * <pre class="code">
 * {"format": 1, "id": "…", "signal": "post_save", "receiver": "postNotifications#emailSubscribers(Post, boolean)",
 *  "sentAt": "…", "origin": "…", "sender": {"@entityType": "Post"},
 *  "arguments": {"instance": {"@entity": "Post", "id": 42}, "created": true, …},
 *  "state": "pending", "lastError": null, "attempts": 0, "deaths": 0, "history": []}
 * </pre>
 *
 * The state is {@code pending} until the delivery succeeds (the record is then deleted,
 * or kept for a while as {@code done}), {@code failed} after its last attempt, and
 * {@code quarantined} when the record itself cannot be delivered (unreadable, unknown
 * receiver, entity gone) or when it stopped the process running it as often as it may be
 * attempted. The record counts its own failed attempts ({@code attempts}, of which
 * {@code deaths} ended with the process running it) and keeps the last {@value #HISTORY}
 * failures with their times ({@code history}); db-scheduler's
 * {@code consecutive_failures} column is not read.
 */
final class DeliveryRecord {

	static final int FORMAT = 1;

	static final String PENDING = "pending";

	static final String FAILED = "failed";

	static final String QUARANTINED = "quarantined";

	static final String DONE = "done";

	/** How many failures a record remembers. */
	static final int HISTORY = 10;

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
	 * state ({@code state}, {@code lastError}, {@code attempts}, {@code history},
	 * {@code headers}, {@code key}), with {@code sentAt} as {@code time} and the receiver
	 * only for a broadcast.
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
	 * How many attempts have failed since the delivery was sent or an operator last
	 * retried it.
	 */
	int attempts() {
		return Math.max(0, this.node.path("attempts").asInt(0));
	}

	/**
	 * How many of those attempts ended with the process that ran them.
	 */
	int deaths() {
		return Math.max(0, this.node.path("deaths").asInt(0));
	}

	/**
	 * The last failures, oldest first.
	 */
	List<Failure> history() {
		List<Failure> failures = new ArrayList<>();
		for (JsonNode entry : this.node.path("history")) {
			JsonNode time = entry.path("time");
			failures.add(
					new Failure(time.isString() ? Instant.parse(time.asString()) : null, entry.path("attempt").asInt(0),
							entry.path("error").asString(""), entry.path("instance").asString("")));
		}
		return failures;
	}

	/**
	 * The instances that claimed the delivery without knowing its receiver, and when the
	 * first of them did.
	 */
	Set<String> refusedBy() {
		Set<String> instances = new LinkedHashSet<>();
		this.node.path("refusedBy").forEach((instance) -> instances.add(instance.asString()));
		return instances;
	}

	@Nullable Instant firstRefusedAt() {
		JsonNode at = this.node.path("firstRefusedAt");
		return at.isString() ? Instant.parse(at.asString()) : null;
	}

	/**
	 * The record after a failed attempt: one more attempt (and death) counted, the error
	 * remembered.
	 */
	DeliveryRecord failed(String state, String error, boolean death, String instance, Instant time) {
		ObjectNode copy = this.node.deepCopy();
		int attempt = attempts() + 1;
		copy.put("state", state);
		copy.put("lastError", error);
		copy.put("attempts", attempt);
		copy.put("deaths", deaths() + (death ? 1 : 0));
		ArrayNode history = copy.putArray("history");
		List<Failure> failures = new ArrayList<>(history());
		failures.add(new Failure(time, attempt, error, instance));
		for (Failure failure : failures.subList(Math.max(0, failures.size() - HISTORY), failures.size())) {
			ObjectNode entry = history.addObject();
			entry.put("time", (failure.time() != null) ? failure.time().toString() : null);
			entry.put("attempt", failure.attempt());
			entry.put("error", failure.error());
			entry.put("instance", failure.instance());
		}
		return new DeliveryRecord(copy);
	}

	/**
	 * The record after an instance that does not know its receiver gave it back.
	 */
	DeliveryRecord refused(String instance, Instant time) {
		ObjectNode copy = this.node.deepCopy();
		if (!copy.path("firstRefusedAt").isString()) {
			copy.put("firstRefusedAt", time.toString());
		}
		Set<String> instances = refusedBy();
		instances.add(instance);
		ArrayNode refusedBy = copy.putArray("refusedBy");
		instances.forEach(refusedBy::add);
		return new DeliveryRecord(copy);
	}

	/**
	 * The record after an operator's retry: pending, its attempts counted afresh, its
	 * history kept.
	 */
	DeliveryRecord retried() {
		ObjectNode copy = this.node.deepCopy();
		copy.put("state", PENDING);
		copy.put("attempts", 0);
		copy.put("deaths", 0);
		copy.remove("retryBase");
		copy.remove("refusedBy");
		copy.remove("firstRefusedAt");
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

	/**
	 * One failed attempt.
	 *
	 * @param time when it ended
	 * @param attempt its number, from 1
	 * @param error the error, or how the process stopped
	 * @param instance the instance that ran it
	 */
	record Failure(@Nullable Instant time, int attempt, String error, String instance) {

	}

}
