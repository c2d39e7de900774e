package io.signalsforspring.signals.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.signalsforspring.signals.durable.DeliveryEngine;
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

/**
 * Broadcasts over RabbitMQ: the envelope goes to the topic exchange {@code signals} with
 * routing key {@code <group>.<signal>} and headers {@code signal}, {@code delivery-id}
 * (also the message id), {@code origin} and {@code time}. Every instance consumes from a
 * durable queue of its own, {@code signals.<group>.<instance>}, bound with
 * {@code <group>.#}: what is sent while the instance is briefly cut off from the broker
 * waits there, and the queue expires ten minutes after the instance is gone.
 */
public final class RabbitBroadcasts extends Broadcasts {

	/** The exchange of broadcasts. */
	public static final String EXCHANGE = "signals";

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final RabbitTemplate rabbit;

	private final AmqpAdmin admin;

	private final ConnectionFactory connections;

	private final Queue queue;

	private volatile @Nullable SimpleMessageListenerContainer container;

	private boolean redeclaresOnConnection;

	/**
	 * Create the broadcasts of an application over RabbitMQ.
	 * @param engine the durable delivery engine (the outbox)
	 * @param rabbit the template that publishes
	 * @param admin what declares the exchange, the queue and its binding
	 * @param connections the connections of the consumer
	 * @param group the application's group ({@code signals.durable.group})
	 */
	public RabbitBroadcasts(DeliveryEngine engine, RabbitTemplate rabbit, AmqpAdmin admin,
			ConnectionFactory connections, String group) {
		super(engine, group);
		this.rabbit = rabbit;
		this.admin = admin;
		this.connections = connections;
		this.queue = QueueBuilder.durable("signals." + group + "." + origin()).expires(600_000).build();
	}

	@Override
	protected void send(String signal, String deliveryId, String envelope) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setMessageId(deliveryId);
		properties.setHeader("signal", signal);
		properties.setHeader("delivery-id", deliveryId);
		properties.setHeader("origin", origin());
		properties.setHeader("time", Instant.now().toString());
		this.rabbit.send(EXCHANGE, group() + "." + signal,
				new Message(envelope.getBytes(StandardCharsets.UTF_8), properties));
	}

	@Override
	protected void startConsuming() {
		declare();
		if (!this.redeclaresOnConnection) {
			this.connections.addConnectionListener((connection) -> declare());
			this.redeclaresOnConnection = true;
		}
		SimpleMessageListenerContainer listening = new SimpleMessageListenerContainer(this.connections);
		listening.setQueueNames(this.queue.getName());
		listening.setMissingQueuesFatal(false);
		listening.setMessageListener((message) -> received(new String(message.getBody(), StandardCharsets.UTF_8)));
		listening.start();
		this.container = listening;
		logger.info("Receiving broadcasts of '{}' on RabbitMQ queue {}", group(), this.queue.getName());
	}

	/**
	 * Declare the exchange, this instance's queue and its binding, again after each
	 * (re)connection.
	 */
	private void declare() {
		TopicExchange exchange = new TopicExchange(EXCHANGE, true, false);
		this.admin.declareExchange(exchange);
		this.admin.declareQueue(this.queue);
		this.admin.declareBinding(BindingBuilder.bind(this.queue).to(exchange).with(group() + ".#"));
	}

	@Override
	protected void stopConsuming() {
		SimpleMessageListenerContainer listening = this.container;
		this.container = null;
		if (listening != null) {
			listening.stop();
		}
	}

}
