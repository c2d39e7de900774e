package io.signalsforspring.signals.durable;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A send on its way to a broker, as the outbox hands it over after the commit. The body
 * is the documented JSON envelope:
 *
 * <pre class="code">
 * {"format": 1, "id": "…", "signal": "post_save", "receiver": "…",
 *  "sender": {"@entityType": "Post"},
 *  "arguments": {"instance": {"@entity": "Post", "id": 42}, "created": true, …},
 *  "origin": "…", "time": "2026-11-22T08:00:00Z"}
 * </pre>
 *
 * {@code receiver} is present for a broadcast (the receiver that runs in every instance)
 * and absent for a signal externalized for other services.
 *
 * @param id the outbox delivery's id, the same for every publish attempt: consumers
 * de-duplicate on it
 * @param signal the signal's logical name
 * @param key the routing or message key, or {@code null} for the broker's default
 * @param origin the id of the instance that sent the signal
 * @param time when the signal was sent
 * @param headers the headers captured when it was sent (the trace context)
 * @param body the JSON envelope
 */
public record Envelope(String id, String signal, @Nullable String key, String origin, Instant time,
		Map<String, String> headers, String body) {

}
