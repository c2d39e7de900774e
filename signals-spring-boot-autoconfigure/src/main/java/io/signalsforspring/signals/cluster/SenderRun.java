package io.signalsforspring.signals.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;

/**
 * The sending instance's own run of a receiver that runs in every instance, as a durable
 * receiver: recorded with each send under {@code <broadcast id>.here}, held, and deleted
 * once the sending instance ran it after its commit. Only a crash between the commit and
 * that run leaves it to run: then the instance that claims it runs the receiver with the
 * broadcast's id as delivery id, unless that instance ran the broadcast already.
 */
final class SenderRun implements DurableReceiver {

	private final DurableReceiver receiver;

	private final BroadcastInbox inbox;

	SenderRun(DurableReceiver receiver, BroadcastInbox inbox) {
		this.receiver = receiver;
		this.inbox = inbox;
	}

	@Override
	public String name() {
		return "here:" + this.receiver.name();
	}

	@Override
	public Signal signal() {
		return this.receiver.signal();
	}

	@Override
	public int maxAttempts() {
		return this.receiver.maxAttempts();
	}

	@Override
	public String firstRetryDelay() {
		return this.receiver.firstRetryDelay();
	}

	@Override
	public String maxRetryDelay() {
		return this.receiver.maxRetryDelay();
	}

	@Override
	public List<Class<?>> senders() {
		return this.receiver.senders();
	}

	@Override
	public Class<?> argumentType(String argument) {
		return this.receiver.argumentType(argument);
	}

	@Override
	public @Nullable Object invoke(SignalEvent event) throws Exception {
		String id = String.valueOf(event.get(DELIVERY_ID));
		String broadcast = id.endsWith(Broadcasts.HERE) ? id.substring(0, id.length() - Broadcasts.HERE.length()) : id;
		if (!this.inbox.firstRun(broadcast)) {
			return null;
		}
		Map<String, @Nullable Object> arguments = new HashMap<>(event.arguments());
		arguments.put(DELIVERY_ID, broadcast);
		return this.receiver.invoke(SignalEvent.of(event.signal(), event.sender(), arguments));
	}

}
