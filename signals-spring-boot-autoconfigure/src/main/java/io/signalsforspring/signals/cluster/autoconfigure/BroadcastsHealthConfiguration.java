package io.signalsforspring.signals.cluster.autoconfigure;

import io.signalsforspring.signals.cluster.Broadcasts;
import io.signalsforspring.signals.cluster.BroadcastsHealthIndicator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker's health, with Spring Boot's health support: imported by the configuration
 * of the broker that carries broadcasts, so that it exists exactly when one does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnEnabledHealthIndicator("signalBroadcasts")
class BroadcastsHealthConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "signalBroadcastsHealthIndicator")
	BroadcastsHealthIndicator signalBroadcastsHealthIndicator(Broadcasts broadcasts) {
		return new BroadcastsHealthIndicator(broadcasts);
	}

}
