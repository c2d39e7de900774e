package io.signalsforspring.signals.cluster.autoconfigure;

import io.signalsforspring.signals.cluster.BroadcastMetrics;
import io.signalsforspring.signals.cluster.Broadcasts;
import io.signalsforspring.signals.cluster.KafkaBroadcasts;
import io.signalsforspring.signals.cluster.RabbitBroadcasts;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.autoconfigure.SignalsDurableAutoConfiguration;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Auto-configuration of receivers that run in every instance
 * ({@code @Receiver(cluster = EVERY_INSTANCE)}), published through the durable outbox
 * over the broker Spring Boot configures: RabbitMQ ({@code spring.rabbitmq.*}) or Kafka
 * ({@code spring.kafka.*}). With both, RabbitMQ unless
 * {@code signals.cluster.broker=kafka}. Turned off by
 * {@code signals.cluster.enabled=false}.
 */
@AutoConfiguration(after = SignalsDurableAutoConfiguration.class,
		afterName = { "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
				"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnBean(DeliveryEngine.class)
@ConditionalOnBooleanProperty(name = "signals.cluster.enabled", matchIfMissing = true)
public final class SignalsClusterAutoConfiguration {

	SignalsClusterAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RabbitTemplate.class)
	@ConditionalOnBean({ RabbitTemplate.class, AmqpAdmin.class, ConnectionFactory.class })
	@ConditionalOnProperty(name = "signals.cluster.broker", havingValue = "rabbitmq", matchIfMissing = true)
	static class RabbitConfiguration {

		@Bean
		RabbitBroadcasts signalsRabbitBroadcasts(DeliveryEngine engine, RabbitTemplate rabbit, AmqpAdmin admin,
				ConnectionFactory connections) {
			return new RabbitBroadcasts(engine, rabbit, admin, connections, engine.group());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaTemplate.class)
	@ConditionalOnBean({ KafkaTemplate.class, KafkaAdmin.class, ConsumerFactory.class })
	@Conditional(KafkaChosen.class)
	static class KafkaConfiguration {

		@Bean
		KafkaBroadcasts signalsKafkaBroadcasts(DeliveryEngine engine, KafkaTemplate<Object, Object> kafka,
				KafkaAdmin admin, ConsumerFactory<?, ?> consumers) {
			return new KafkaBroadcasts(engine, kafka, admin, consumers, engine.group());
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
	 * Kafka carries broadcasts when asked for ({@code signals.cluster.broker=kafka}), or
	 * when Spring AMQP is not on the class path and nothing else is asked for.
	 */
	static class KafkaChosen extends AnyNestedCondition {

		KafkaChosen() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "signals.cluster.broker", havingValue = "kafka")
		static class Asked {

		}

		@ConditionalOnMissingClass("org.springframework.amqp.rabbit.core.RabbitTemplate")
		@ConditionalOnProperty(name = "signals.cluster.broker", havingValue = "kafka", matchIfMissing = true)
		static class OnlyBroker {

		}

	}

}
