package io.signalsforspring.signals.cluster.autoconfigure;

import io.signalsforspring.signals.cluster.SingleInstanceBroadcasts;
import io.signalsforspring.signals.spring.BroadcastReceivers;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Without a broker, the {@link BroadcastReceivers} of a single instance: receivers
 * connected in code to run in every instance run in this one after commit, as
 * {@code @Receiver(cluster = EVERY_INSTANCE)} methods do.
 */
@AutoConfiguration(after = { SignalsAutoConfiguration.class, SignalsClusterAutoConfiguration.class })
@ConditionalOnBean(SignalsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.transaction.support.TransactionSynchronizationManager")
public final class SignalsSingleInstanceAutoConfiguration {

	SignalsSingleInstanceAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(BroadcastReceivers.class)
	SingleInstanceBroadcasts signalsSingleInstanceBroadcasts() {
		return new SingleInstanceBroadcasts();
	}

}
