package io.signalsforspring.signals.cluster.autoconfigure;

import io.signalsforspring.signals.cluster.RabbitBroadcasts;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.autoconfigure.SignalsDurableAutoConfiguration;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of receivers that run in every instance
 * ({@code @Receiver(cluster = EVERY_INSTANCE)}), over the RabbitMQ that Spring Boot
 * configures from {@code spring.rabbitmq.*}, published through the durable outbox. Turned
 * off by {@code signals.cluster.enabled=false}.
 */
@AutoConfiguration(after = SignalsDurableAutoConfiguration.class,
		afterName = "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration")
@ConditionalOnClass(RabbitTemplate.class)
@ConditionalOnBean({ DeliveryEngine.class, RabbitTemplate.class, AmqpAdmin.class, ConnectionFactory.class })
@ConditionalOnBooleanProperty(name = "signals.cluster.enabled", matchIfMissing = true)
public final class SignalsClusterAutoConfiguration {

	SignalsClusterAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	RabbitBroadcasts signalsRabbitBroadcasts(DeliveryEngine engine, RabbitTemplate rabbit, AmqpAdmin admin,
			ConnectionFactory connections) {
		return new RabbitBroadcasts(engine, rabbit, admin, connections, engine.group());
	}

}
