package io.signalsforspring.signals.cluster;

import java.nio.charset.StandardCharsets;

import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.Envelope;
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
 * (also the message id), {@code origin}, {@code time} and the trace context, on a
 * transacted channel (published when the broker has it). Externalized signals go to their
 * own exchange, which the application declares, under their key. Every instance consumes
 * from a durable queue of its own, {@code signals.<group>.<instance>}, bound with
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
	 * @param admin what declares the exchange, the queue and its binding
	 * @param connections the connections of the consumer
	 * @param group the application's group ({@code signals.durable.group})
	 */
	public RabbitBroadcasts(DeliveryEngine engine, AmqpAdmin admin, ConnectionFactory connections, String group) {
		super(engine, group);
		// a transacted channel: the broker has the message when send returns, or send
		// throws (an unknown exchange included) and the outbox retries
		this.rabbit = new RabbitTemplate(connections);
		this.rabbit.setChannelTransacted(true);
		this.admin = admin;
		this.connections = connections;
		this.queue = QueueBuilder.durable("signals." + group + "." + origin()).expires(600_000).build();
	}

	@Override
	protected String broker() {
		return "rabbitmq";
	}

	@Override
	protected void prepare(String destination) {
		// the application declares the exchanges it externalizes to; publishing to one
		// that does not exist fails the channel's transaction, and the outbox retries
	}

	@Override
	protected void send(@Nullable String destination, Envelope envelope) {
		MessageProperties properties = new MessageProperties();
		properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
		properties.setContentEncoding(StandardCharsets.UTF_8.name());
		properties.setMessageId(envelope.id());
		headers(envelope).forEach(properties::setHeader);
		String exchange = (destination != null) ? destination : EXCHANGE;
		String key = (destination == null) ? group() + "." + envelope.signal()
				: (envelope.key() != null) ? envelope.key() : envelope.signal();
		this.rabbit.send(exchange, key, new Message(envelope.body().getBytes(StandardCharsets.UTF_8), properties));
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
		listening.setMessageListener((message) -> received(new String(message.getBody(), StandardCharsets.UTF_8),
				(name) -> header(message, name)));
		listening.start();
		this.container = listening;
		logger.info("Receiving broadcasts of '{}' on RabbitMQ queue {}", group(), this.queue.getName());
	}

	private static @Nullable String header(Message message, String name) {
		Object value = message.getMessageProperties().getHeader(name);
		return (value != null) ? value.toString() : null;
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
