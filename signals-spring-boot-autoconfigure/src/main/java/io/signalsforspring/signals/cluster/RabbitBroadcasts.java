package io.signalsforspring.signals.cluster;

import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ReturnListener;
import io.signalsforspring.signals.durable.Outbox;
import io.signalsforspring.signals.durable.RetryPolicy;
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
import org.springframework.amqp.rabbit.config.AbstractRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Broadcasts over RabbitMQ: the envelope goes to the topic exchange {@code signals} with
 * routing key {@code <group>.<signal>} and headers {@code signal}, {@code delivery-id}
 * (also the message id), {@code origin}, {@code time} and the trace context, with
 * publisher confirms and {@code mandatory}: a publish counts only once the broker
 * confirmed it and did not return it as unroutable (no queue bound, a wrong key), and
 * anything else fails the attempt, which the outbox retries and then keeps as failed.
 * Externalized signals go to their own exchange, which the application declares, under
 * their key. Every instance consumes from a durable queue of its own,
 * {@code signals.<group>.<instance>}, bound with {@code <group>.#}: what is sent while
 * the instance is briefly cut off from the broker waits there, and the queue expires ten
 * minutes after the instance is gone.
 */
public final class RabbitBroadcasts extends Broadcasts {

	/** The exchange of broadcasts. */
	public static final String EXCHANGE = "signals";

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final RabbitTemplate rabbit;

	private final AmqpAdmin admin;

	private final ConnectionFactory connections;

	private final Queue queue;

	private final @Nullable AbstractRabbitListenerContainerFactory<?> listeners;

	private volatile @Nullable AbstractMessageListenerContainer container;

	private final Duration publishTimeout;

	private boolean redeclaresOnConnection;

	/**
	 * Create the broadcasts of an application over RabbitMQ.
	 * @param outbox the durable outbox
	 * @param relayPolicy how often and how soon a publication is tried again
	 * @param senderRunHold how long the sending instance's own run is held
	 * @param publishTimeout how long a publish waits for the broker's confirm
	 * @param admin what declares the exchange, the queue and its binding
	 * @param connections the connections of the consumer and the publisher
	 * @param rabbit the template that publishes (Spring Boot's, with its
	 * {@code spring.rabbitmq.template.*} settings), or {@code null} for a plain one
	 * @param listeners the factory of the consumer's container (Spring Boot's, with its
	 * {@code spring.rabbitmq.listener.*} settings), or {@code null} for a plain container
	 */
	public RabbitBroadcasts(Outbox outbox, RetryPolicy relayPolicy, Duration senderRunHold, Duration publishTimeout,
			AmqpAdmin admin, ConnectionFactory connections, @Nullable RabbitTemplate rabbit,
			@Nullable AbstractRabbitListenerContainerFactory<?> listeners) {
		super(outbox, relayPolicy, senderRunHold);
		this.rabbit = (rabbit != null) ? rabbit : new RabbitTemplate(connections);
		this.listeners = listeners;
		this.publishTimeout = publishTimeout;
		this.admin = admin;
		this.connections = connections;
		this.queue = QueueBuilder.durable("signals." + outbox.group() + "." + origin()).expires(600_000).build();
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
		String exchange = (destination != null) ? destination : EXCHANGE;
		String key = (destination == null) ? group() + "." + envelope.signal()
				: (envelope.key() != null) ? envelope.key() : envelope.signal();
		AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
			.contentType(MessageProperties.CONTENT_TYPE_JSON)
			.contentEncoding(StandardCharsets.UTF_8.name())
			.messageId(envelope.id())
			.deliveryMode(2)
			.headers(new java.util.HashMap<String, Object>(headers(envelope)));
		byte[] body = envelope.body().getBytes(StandardCharsets.UTF_8);
		this.rabbit.<Boolean>execute((channel) -> {
			AtomicReference<@Nullable String> returned = new AtomicReference<>();
			ReturnListener listener = (replyCode, replyText, returnedExchange, routingKey, returnedProperties,
					returnedBody) -> {
				if (envelope.id().equals(returnedProperties.getMessageId())) {
					returned.set(replyCode + " " + replyText);
				}
			};
			channel.confirmSelect();
			channel.addReturnListener(listener);
			try {
				channel.basicPublish(exchange, key, true, properties.build(), body);
				channel.waitForConfirmsOrDie(this.publishTimeout.toMillis());
			}
			catch (IOException | TimeoutException ex) {
				throw new IllegalStateException("RabbitMQ did not confirm " + envelope.id() + " to exchange '"
						+ exchange + "' within " + this.publishTimeout + ": " + ex, ex);
			}
			finally {
				channel.removeReturnListener(listener);
			}
			String reason = returned.get();
			if (reason != null) {
				throw new IllegalStateException("RabbitMQ returned " + envelope.id() + " as unroutable (" + reason
						+ "): no queue is bound to exchange '" + exchange + "' for key '" + key + "'");
			}
			return true;
		});
	}

	@Override
	protected void startConsuming() {
		declare();
		if (!this.redeclaresOnConnection) {
			this.connections.addConnectionListener((connection) -> declare());
			this.redeclaresOnConnection = true;
		}
		AbstractMessageListenerContainer listening = (this.listeners != null) ? this.listeners.createListenerContainer()
				: new SimpleMessageListenerContainer(this.connections);
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
	protected String ping() {
		String version = this.rabbit
			.execute((channel) -> String.valueOf(channel.getConnection().getServerProperties().get("version")));
		return "RabbitMQ " + version;
	}

	@Override
	protected boolean isConsuming() {
		AbstractMessageListenerContainer listening = this.container;
		return listening != null && listening.isRunning();
	}

	@Override
	protected void stopConsuming() {
		AbstractMessageListenerContainer listening = this.container;
		this.container = null;
		if (listening != null) {
			listening.stop();
		}
	}

}
