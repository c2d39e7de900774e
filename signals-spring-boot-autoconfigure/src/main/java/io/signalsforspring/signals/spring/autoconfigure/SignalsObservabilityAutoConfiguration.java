package io.signalsforspring.signals.spring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.signalsforspring.signals.spring.internal.SignalCatalog;
import io.signalsforspring.signals.spring.actuate.ReceiverStatistics;
import io.signalsforspring.signals.spring.actuate.SignalsEndpoint;
import io.signalsforspring.signals.spring.internal.ReceiverScheduler;
import io.signalsforspring.signals.spring.micrometer.ObservedReceiverRuns;
import io.signalsforspring.signals.spring.micrometer.ObservedReceivers;
import io.signalsforspring.signals.spring.micrometer.ReceiverObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of what makes receivers visible: Micrometer observations and metrics
 * of every receiver call when an {@link ObservationRegistry} bean exists, and the
 * {@code signals} actuator endpoint when Spring Boot Actuator is present and the endpoint
 * is available.
 */
@AutoConfiguration(after = SignalsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnBean(SignalsAutoConfiguration.class)
public final class SignalsObservabilityAutoConfiguration {

	SignalsObservabilityAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObservationRegistry.class, MeterRegistry.class })
	static class MicrometerConfiguration {

		@Bean
		@ConditionalOnBean(ObservationRegistry.class)
		@ConditionalOnMissingBean
		ObservedReceivers observedReceivers(ObservationRegistry observations, ObjectProvider<MeterRegistry> meters) {
			return new ObservedReceivers(observations, meters.getIfAvailable());
		}

		/**
		 * Every run of a {@code @Receiver} method, observed where it happens; the
		 * application's {@link ReceiverObservationConvention} bean, if any, names it.
		 */
		@Bean
		@ConditionalOnBean(ObservationRegistry.class)
		@ConditionalOnMissingBean
		ObservedReceiverRuns observedReceiverRuns(ObservationRegistry observations,
				ObjectProvider<ReceiverObservationConvention> convention, ObjectProvider<MeterRegistry> meters,
				ReceiverScheduler scheduler) {
			ObservedReceiverRuns runs = new ObservedReceiverRuns(observations, convention.getIfUnique(),
					meters.getIfAvailable());
			scheduler.observeRunsWith(runs);
			return runs;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	@ConditionalOnAvailableEndpoint(SignalsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReceiverStatistics receiverStatistics() {
			return new ReceiverStatistics();
		}

		@Bean
		@ConditionalOnMissingBean
		SignalsEndpoint signalsEndpoint(SignalCatalog catalog, ReceiverStatistics statistics) {
			return new SignalsEndpoint(catalog, statistics);
		}

	}

}
