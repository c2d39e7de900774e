package io.signalsforspring.signals.cluster.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.cluster.BroadcastMetrics;
import io.signalsforspring.signals.cluster.BroadcastsEndpoint;
import io.signalsforspring.signals.cluster.ExternalizedSignals;
import io.signalsforspring.signals.cluster.Broadcasts;
import io.signalsforspring.signals.cluster.KafkaBroadcasts;
import io.signalsforspring.signals.cluster.RabbitBroadcasts;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.autoconfigure.SignalsDurableAutoConfiguration;
import io.signalsforspring.signals.spring.internal.SignalCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.config.AbstractRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of receivers that run in every instance
 * ({@code @Receiver(cluster = EVERY_INSTANCE)}), published through the durable outbox
 * over the broker the application points Spring Boot at: RabbitMQ
 * ({@code spring.rabbitmq.host} or {@code spring.rabbitmq.addresses}) or Kafka
 * ({@code spring.kafka.bootstrap-servers}), or the one {@code signals.cluster.broker}
 * names. With both, RabbitMQ. Signals named under {@code signals.cluster.externalize} are
 * published for other services over the same broker. Turned off by
 * {@code signals.cluster.enabled=false}.
 */
@AutoConfiguration(after = SignalsDurableAutoConfiguration.class,
		afterName = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnBean(DeliveryEngine.class)
@ConditionalOnBooleanProperty(name = "signals.cluster.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ClusterProperties.class)
public final class SignalsClusterAutoConfiguration {

	SignalsClusterAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RabbitTemplate.class)
	@ConditionalOnBean({ AmqpAdmin.class, ConnectionFactory.class })
	@Conditional(RabbitChosen.class)
	@Import(BroadcastsHealthConfiguration.class)
	static class RabbitConfiguration {

		@Bean
		RabbitBroadcasts signalsRabbitBroadcasts(DeliveryEngine engine, AmqpAdmin admin, ConnectionFactory connections,
				ObjectProvider<RabbitTemplate> templates,
				ObjectProvider<AbstractRabbitListenerContainerFactory<?>> listenerFactories,
				ObjectProvider<ObservationRegistry> observations, ClusterProperties properties) {
			RabbitBroadcasts broadcasts = new RabbitBroadcasts(engine, properties.getRelay().policy(),
					properties.getSenderRunHold(), properties.getRelay().getPublishTimeout(), admin, connections,
					templates.getIfUnique(), listenerFactories.getIfUnique());
			observations.ifAvailable(broadcasts::observeWith);
			return broadcasts;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaTemplate.class)
	@ConditionalOnBean({ KafkaTemplate.class, KafkaAdmin.class, ConsumerFactory.class })
	@Conditional(KafkaChosen.class)
	@Import(BroadcastsHealthConfiguration.class)
	static class KafkaConfiguration {

		@Bean
		KafkaBroadcasts signalsKafkaBroadcasts(DeliveryEngine engine, KafkaTemplate<Object, Object> kafka,
				KafkaAdmin admin, ConsumerFactory<?, ?> consumers,
				ObjectProvider<ConcurrentKafkaListenerContainerFactory<?, ?>> listenerFactories,
				ObjectProvider<ObservationRegistry> observations, ClusterProperties properties) {
			KafkaBroadcasts broadcasts = new KafkaBroadcasts(engine, properties.getRelay().policy(),
					properties.getSenderRunHold(), properties.getRelay().getPublishTimeout(), kafka, admin, consumers,
					listenerFactories.getIfUnique());
			observations.ifAvailable(broadcasts::observeWith);
			return broadcasts;
		}

	}

	/**
	 * The signals named under {@code signals.cluster.externalize}, published by the
	 * broker's broadcasts: connected once every singleton exists, so that the broker
	 * configuration has decided whether there are broadcasts.
	 */
	@Bean
	ExternalizedSignals signalsExternalized(ObjectProvider<Broadcasts> broadcasts, SignalCatalog catalog,
			ClusterProperties properties, Environment environment, ConfigurableListableBeanFactory beanFactory) {
		Map<String, ExternalizedSignals.Target> targets = new LinkedHashMap<>();
		properties.getExternalize()
			.forEach((name, target) -> targets.put(name,
					new ExternalizedSignals.Target(target.getDestination(), target.getKey())));
		return new ExternalizedSignals(broadcasts::getIfAvailable, catalog::signals, targets,
				broker(environment, beanFactory));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint(BroadcastsEndpoint.class)
		BroadcastsEndpoint signalBroadcastsEndpoint(ObjectProvider<Broadcasts> broadcasts) {
			return new BroadcastsEndpoint(broadcasts.getIfAvailable());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		BroadcastMetrics signalsBroadcastMetrics(ObjectProvider<Broadcasts> broadcasts) {
			return new BroadcastMetrics(broadcasts.getIfAvailable());
		}

	}

	/**
	 * RabbitMQ carries broadcasts when asked for
	 * ({@code signals.cluster.broker=rabbitmq}), or, with {@code auto}, when the
	 * application points Spring Boot at a RabbitMQ ({@code spring.rabbitmq.host} or
	 * {@code spring.rabbitmq.addresses}).
	 */
	static class RabbitChosen extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return chosen(context.getEnvironment(), context.getBeanFactory(), "rabbitmq");
		}

	}

	/**
	 * Kafka carries broadcasts when asked for ({@code signals.cluster.broker=kafka}), or,
	 * with {@code auto}, when the application points Spring Boot at Kafka
	 * ({@code spring.kafka.bootstrap-servers}) and not at a RabbitMQ.
	 */
	static class KafkaChosen extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return chosen(context.getEnvironment(), context.getBeanFactory(), "kafka");
		}

	}

	/**
	 * The broker that carries broadcasts: the one {@code signals.cluster.broker} names,
	 * or with {@code auto} the one the application points Spring Boot at, through its
	 * standard properties or a {@code ConnectionDetails} bean of its own (a
	 * {@code @ServiceConnection}, Docker Compose, or one the application defines).
	 */
	static String broker(Environment environment, @Nullable ConfigurableListableBeanFactory beans) {
		String broker = environment.getProperty("signals.cluster.broker", "auto").trim().toLowerCase(Locale.ROOT);
		if (!broker.equals("auto")) {
			return broker;
		}
		if (environment.containsProperty("spring.rabbitmq.host")
				|| environment.containsProperty("spring.rabbitmq.addresses")
				|| connectionDetails(beans, RABBIT_CONNECTION_DETAILS)) {
			return "rabbitmq";
		}
		if (environment.containsProperty("spring.kafka.bootstrap-servers")
				|| connectionDetails(beans, KAFKA_CONNECTION_DETAILS)) {
			return "kafka";
		}
		return "none";
	}

	private static final String RABBIT_CONNECTION_DETAILS = "org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails";

	private static final String KAFKA_CONNECTION_DETAILS = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails";

	/**
	 * Whether a bean of the connection details type exists that Spring Boot did not make
	 * from its properties (Boot always defines one, from its defaults when no property is
	 * set, in its auto-configuration's package).
	 */
	private static boolean connectionDetails(@Nullable ConfigurableListableBeanFactory beans, String typeName) {
		if (beans == null || !ClassUtils.isPresent(typeName, beans.getBeanClassLoader())) {
			return false;
		}
		Class<?> type = ClassUtils.resolveClassName(typeName, beans.getBeanClassLoader());
		String bootsOwn = ClassUtils.getPackageName(type);
		for (String name : beans.getBeanNamesForType(type, true, false)) {
			if (!definedIn(beans, name, bootsOwn)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the bean is made by a {@code @Bean} method of a class in the package. */
	private static boolean definedIn(ConfigurableListableBeanFactory beans, String name, String packageName) {
		if (!beans.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beans.getBeanDefinition(name);
		if (!(definition instanceof AnnotatedBeanDefinition annotated)) {
			return false;
		}
		MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
		return factoryMethod != null
				&& ClassUtils.getPackageName(factoryMethod.getDeclaringClassName()).equals(packageName);
	}

	private static ConditionOutcome chosen(Environment environment, @Nullable ConfigurableListableBeanFactory beans,
			String broker) {
		String chosen = broker(environment, beans);
		ConditionMessage.Builder message = ConditionMessage.forCondition("signals.cluster.broker");
		return chosen.equals(broker) ? ConditionOutcome.match(message.foundExactly(chosen))
				: ConditionOutcome.noMatch(message.because("the broker is " + chosen));
	}

}
