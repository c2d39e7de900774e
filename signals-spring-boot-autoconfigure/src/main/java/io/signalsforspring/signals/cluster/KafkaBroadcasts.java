package io.signalsforspring.signals.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import java.time.Duration;

import io.signalsforspring.signals.durable.Outbox;
import io.signalsforspring.signals.durable.RefusedMessageException;
import io.signalsforspring.signals.durable.RetryPolicy;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import io.signalsforspring.signals.durable.Envelope;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Broadcasts over Kafka: the envelope goes to the topic {@code signals.<group>} (created
 * with the broker's default partitions and replication when missing), keyed by the
 * signal's name, acknowledged by the broker before the outbox counts it as published (a
 * message the broker refuses for good, over its size limit, is quarantined at once), with
 * headers {@code signal}, {@code delivery-id}, {@code origin}, {@code time} and the trace
 * context. Externalized signals go to their own topic (created when missing), keyed by
 * their key, so that sends with one key keep their order. Every instance reads it with a
 * consumer group of its own, from the end of the topic: an instance gets what is sent
 * while it runs.
 */
public final class KafkaBroadcasts extends Broadcasts {

	private static final Logger logger = LoggerFactory.getLogger("io.signalsforspring.signals.cluster");

	private final KafkaTemplate<Object, Object> kafka;

	private final KafkaAdmin admin;

	private final ConsumerFactory<?, ?> consumers;

	private final String topic;

	private final Duration publishTimeout;

	private final @Nullable ConcurrentKafkaListenerContainerFactory<?, ?> listeners;

	private volatile @Nullable AbstractMessageListenerContainer<?, ?> container;

	/**
	 * Create the broadcasts of an application over Kafka.
	 * @param outbox the durable outbox
	 * @param relayPolicy how often and how soon a publication is tried again
	 * @param senderRunHold how long the sending instance's own run is held
	 * @param publishTimeout how long a publish waits for the broker's acknowledgement
	 * @param kafka the template that publishes (string keys and values, Boot's default)
	 * @param admin what creates the topic
	 * @param consumers the consumer configuration the application has
	 * @param listeners the factory of the consumer's container (Spring Boot's, with its
	 * {@code spring.kafka.listener.*} and {@code spring.kafka.consumer.*} settings), or
	 * {@code null} for a plain container over {@code consumers}
	 */
	public KafkaBroadcasts(Outbox outbox, RetryPolicy relayPolicy, Duration senderRunHold, Duration publishTimeout,
			KafkaTemplate<Object, Object> kafka, KafkaAdmin admin, ConsumerFactory<?, ?> consumers,
			@Nullable ConcurrentKafkaListenerContainerFactory<?, ?> listeners) {
		super(outbox, relayPolicy, senderRunHold);
		this.kafka = kafka;
		this.listeners = listeners;
		this.admin = admin;
		this.consumers = consumers;
		this.publishTimeout = publishTimeout;
		this.topic = "signals." + outbox.group();
	}

	@Override
	protected String broker() {
		return "kafka";
	}

	@Override
	protected void prepare(String destination) {
		this.admin.createOrModifyTopics(new NewTopic(destination, Optional.empty(), Optional.empty()));
	}

	@Override
	protected void send(@Nullable String destination, Envelope envelope) {
		String topic = (destination != null) ? destination : this.topic;
		String key = (destination != null && envelope.key() != null) ? envelope.key() : envelope.signal();
		ProducerRecord<Object, Object> record = new ProducerRecord<>(topic, key, envelope.body());
		headers(envelope).forEach((name, value) -> record.headers().add(name, bytes(value)));
		try {
			this.kafka.send(record).get(this.publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing a broadcast", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
			for (Throwable each = cause; each != null; each = each.getCause()) {
				if (each instanceof RecordTooLargeException || each instanceof InvalidTopicException
						|| each instanceof SerializationException) {
					// the broker will never take it as it is
					throw new RefusedMessageException(
							"Kafka refuses " + envelope.id() + " to topic '" + topic + "' for good: " + each, each);
				}
			}
			throw new IllegalStateException(
					"Kafka did not take " + envelope.id() + " to topic '" + topic + "': " + cause, cause);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable String header(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	protected void startConsuming() {
		this.admin.createOrModifyTopics(new NewTopic(this.topic, Optional.empty(), Optional.empty()));
		String groupId = "signals." + group() + "." + origin();
		// this instance's own group, from the end of the topic, as strings: over what
		// the application's consumer configuration says
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		CountDownLatch assigned = new CountDownLatch(1);
		ConsumerAwareRebalanceListener rebalance = new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				assigned.countDown();
			}

		};
		MessageListener<String, String> listener = (record) -> received(record.value(),
				(name) -> header(record.headers(), name));
		AbstractMessageListenerContainer<?, ?> listening;
		ConcurrentKafkaListenerContainerFactory<?, ?> factory = this.listeners;
		if (factory != null && !Boolean.TRUE.equals(factory.isBatchListener())) {
			listening = factory.createContainer(this.topic);
			listening.getContainerProperties().setGroupId(groupId);
		}
		else {
			Map<String, Object> properties = new HashMap<>(this.consumers.getConfigurationProperties());
			properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
			listening = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(properties),
					new ContainerProperties(this.topic));
		}
		ContainerProperties container = listening.getContainerProperties();
		container.setKafkaConsumerProperties(overrides);
		container.setMessageListener(listener);
		container.setConsumerRebalanceListener(rebalance);
		listening.start();
		this.container = listening;
		try {
			// read from the end: wait until this instance is placed there, so that
			// nothing sent after start-up is missed
			if (!assigned.await(30, TimeUnit.SECONDS)) {
				logger.warn("Kafka assigned no partition of {} within 30 s; broadcasts sent meanwhile are missed",
						this.topic);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.info("Receiving broadcasts of '{}' on Kafka topic {}", group(), this.topic);
	}

	@Override
	protected String ping() throws Exception {
		Map<String, Object> properties = new HashMap<>(this.admin.getConfigurationProperties());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		try (AdminClient client = AdminClient.create(properties)) {
			return "Kafka cluster " + client.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
		}
	}

	@Override
	protected boolean isConsuming() {
		AbstractMessageListenerContainer<?, ?> listening = this.container;
		return listening != null && listening.isRunning();
	}

	@Override
	protected void stopConsuming() {
		AbstractMessageListenerContainer<?, ?> listening = this.container;
		this.container = null;
		if (listening != null) {
			listening.stop();
		}
	}

}
