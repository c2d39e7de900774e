package io.signalsforspring.signals.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.spring.internal.BroadcastDeliveries;
import io.signalsforspring.signals.spring.internal.DurableReceiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * Receivers that run in every instance, over RabbitMQ.
 *
 * <ul>
 * <li>A send is recorded in the durable outbox with the sending transaction (nothing for
 * a rollback; a broker outage delays it, the outbox retries).</li>
 * <li>After the commit, one instance publishes the envelope (the delivery record: signal
 * name, sender, arguments with entities by name and id, delivery id) to the topic
 * exchange {@code signals} with routing key {@code <group>.<signal>}, and headers
 * {@code signal}, {@code delivery-id}, {@code origin} and {@code time}.</li>
 * <li>Every running instance, the sender included, consumes it from a durable queue of
 * its own (kept while the broker or the connection is briefly down, expired ten minutes
 * after the instance is gone) and runs its receiver once. An instance that starts later
 * does not get what was sent before; a receiver's failure is logged, not retried.</li>
 * </ul>
 * It declares its queue and starts consuming only when such a receiver exists.
 */
public final class RabbitBroadcasts implements BroadcastDeliveries, SmartLifecycle {

	/** The exchange of broadcasts. */
	public static final String EXCHANGE = "signals";

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final DeliveryEngine engine;

	private final RabbitTemplate rabbit;

	private final AmqpAdmin admin;

	private final ConnectionFactory connections;

	private final String group;

	private final String origin = UUID.randomUUID().toString();

	private final Queue queue;

	private final Map<DurableReceiver, DurableReceiver> relays = new ConcurrentHashMap<>();

	private volatile @Nullable SimpleMessageListenerContainer container;

	private volatile boolean running;

	/**
	 * Create the broadcasts of an application.
	 * @param engine the durable delivery engine (the outbox)
	 * @param rabbit the template that publishes
	 * @param admin what declares the exchange, the queue and its binding
	 * @param connections the connections of the consumer
	 * @param group the application's group ({@code signals.durable.group})
	 */
	public RabbitBroadcasts(DeliveryEngine engine, RabbitTemplate rabbit, AmqpAdmin admin,
			ConnectionFactory connections, String group) {
		this.engine = engine;
		this.rabbit = rabbit;
		this.admin = admin;
		this.connections = connections;
		this.group = group;
		// Durable and this instance's own: broadcasts sent while the instance is briefly
		// cut
		// off from the broker wait in it; it expires ten minutes after the instance is
		// gone.
		this.queue = QueueBuilder.durable("signals." + group + "." + this.origin).expires(600_000).build();
	}

	@Override
	public void register(DurableReceiver receiver) {
		this.relays.put(receiver, this.engine.registerBroadcast(receiver, this::send));
		if (this.running && this.container == null) {
			start();
		}
	}

	@Override
	public void publish(DurableReceiver receiver, SignalEvent event) {
		DurableReceiver relay = this.relays.get(receiver);
		if (relay == null) {
			throw new IllegalStateException("Receiver " + receiver.name() + " is not registered for broadcasts");
		}
		this.engine.record(relay, event);
	}

	private void send(String signal, String deliveryId, String envelope) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setMessageId(deliveryId);
		properties.setHeader("signal", signal);
		properties.setHeader("delivery-id", deliveryId);
		properties.setHeader("origin", this.origin);
		properties.setHeader("time", Instant.now().toString());
		Message message = new Message(envelope.getBytes(StandardCharsets.UTF_8), properties);
		this.rabbit.send(EXCHANGE, this.group + "." + signal, message);
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.relays.isEmpty() || this.container != null) {
			return;
		}
		declare();
		this.connections.addConnectionListener((connection) -> declare());
		SimpleMessageListenerContainer listening = new SimpleMessageListenerContainer(this.connections);
		listening.setQueueNames(this.queue.getName());
		listening.setMissingQueuesFatal(false);
		listening.setMessageListener(
				(message) -> this.engine.receiveBroadcast(new String(message.getBody(), StandardCharsets.UTF_8)));
		listening.start();
		this.container = listening;
		logger.info("Receiving broadcasts of '{}' on queue {}", this.group, this.queue.getName());
	}

	/**
	 * Declare the exchange, this instance's queue and its binding, again after each
	 * (re)connection: the queue goes with the connection that declared it.
	 */
	private void declare() {
		TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
		this.admin.declareExchange(exchange);
		this.admin.declareQueue(this.queue);
		this.admin.declareBinding(BindingBuilder.bind(this.queue).to(exchange).with(this.group + ".#"));
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		SimpleMessageListenerContainer listening = this.container;
		this.container = null;
		if (listening != null) {
			listening.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.container != null;
	}

	/**
	 * Start after the outbox engine, stop before it.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

}
