package io.signalsforspring.signals.durable.autoconfigure;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.signalsforspring.signals.durable.DeliveriesEndpoint;
import io.signalsforspring.signals.durable.DeliveriesHealthIndicator;
import io.signalsforspring.signals.durable.DeliveryEngine;
import io.signalsforspring.signals.durable.DeliveryMetrics;
import io.signalsforspring.signals.durable.DeliveryOperations;
import io.signalsforspring.signals.durable.DeliverySchema;
import io.signalsforspring.signals.durable.DurableSettings;
import io.signalsforspring.signals.durable.Entities;
import io.signalsforspring.signals.durable.FlywaySchema;
import io.signalsforspring.signals.durable.RetryPolicy;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of durable receivers: the delivery engine, on db-scheduler, over the
 * application's {@link DataSource}. It polls only when a
 * {@code @Receiver(durable = true)} method exists. Turned off by
 * {@code signals.durable.enabled=false}.
 */
@AutoConfiguration(after = SignalsAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
				"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration" })
@ConditionalOnClass({ Scheduler.class, JsonMapper.class })
@ConditionalOnBean({ SignalsAutoConfiguration.class, DataSource.class })
@ConditionalOnBooleanProperty(name = "signals.durable.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DurableProperties.class)
public final class SignalsDurableAutoConfiguration {

	private static final String FLYWAY = "org.flywaydb.core.Flyway";

	SignalsDurableAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean
	DeliveryEngine signalsDeliveryEngine(DataSource dataSource, ObjectProvider<JsonMapper> json,
			ObjectProvider<Entities> entities, ObjectProvider<PlatformTransactionManager> transactionManager,
			DurableProperties properties, ListableBeanFactory beanFactory, Environment environment) {
		JsonMapper mapper = json.getIfAvailable(JsonMapper::new);
		PlatformTransactionManager manager = transactionManager.getIfUnique();
		TransactionOperations transactions = (manager != null) ? new TransactionTemplate(manager)
				: TransactionOperations.withoutTransaction();
		String group = (properties.getGroup() != null) ? properties.getGroup()
				: environment.getProperty("spring.application.name");
		DurableSettings settings = new DurableSettings(
				new RetryPolicy(properties.getMaxAttempts(), properties.getFirstRetryDelay(),
						properties.getMaxRetryDelay()),
				properties.getThreads(), properties.getPollingInterval(), properties.getHeartbeatInterval(), 4,
				properties.getShutdownMaxWait(), (group != null) ? group : DurableSettings.DEFAULT_GROUP, group == null,
				properties.getKeepDoneFor(), properties.getKeepFailedFor(), properties.getAttemptTimeout(),
				properties.getUnknownReceiverGrace(),
				environment.getProperty("signals.cluster.relay.threads", Integer.class, 2),
				environment.getProperty("signals.jpa.before-commit-flush", Boolean.class, true),
				properties.getSchema());
		Runnable schema = () -> {
			if (usesFlyway(beanFactory)) {
				FlywayMigration.migrate(dataSource, beanFactory, properties.getSchema());
			}
			else {
				DeliverySchema.ensure(dataSource, properties.getSchema(), properties.getInitializeSchema());
			}
		};
		return DeliveryEngine.create(dataSource, mapper, entities.getIfAvailable(() -> Entities.NONE), transactions,
				settings, schema);
	}

	private static boolean usesFlyway(ListableBeanFactory beanFactory) {
		ClassLoader classLoader = SignalsDurableAutoConfiguration.class.getClassLoader();
		if (!ClassUtils.isPresent(FLYWAY, classLoader)) {
			return false;
		}
		return beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(FLYWAY, classLoader), false,
				false).length > 0;
	}

	@Bean
	@ConditionalOnMissingBean
	DeliveryOperations signalsDeliveryOperations(DeliveryEngine engine) {
		return new DeliveryOperations(engine);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	@ConditionalOnEnabledHealthIndicator("signalDeliveries")
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "signalDeliveriesHealthIndicator")
		DeliveriesHealthIndicator signalDeliveriesHealthIndicator(DeliveryOperations operations) {
			return new DeliveriesHealthIndicator(operations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(DeliveriesEndpoint.class)
		DeliveriesEndpoint signalDeliveriesEndpoint(DeliveryOperations operations) {
			return new DeliveriesEndpoint(operations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeliveryMetrics signalsDeliveryMetrics(DeliveryEngine engine, DeliveryOperations operations) {
			return new DeliveryMetrics(engine, operations);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(value = EntityManagerFactory.class,
			name = "org.springframework.orm.jpa.EntityManagerFactoryUtils")
	static class JpaEntitiesConfiguration {

		@Bean
		@ConditionalOnBean(EntityManagerFactory.class)
		@ConditionalOnMissingBean
		Entities signalsDeliveryEntities(EntityManagerFactory entityManagerFactory, ObjectProvider<JsonMapper> json) {
			return Entities.jpa(entityManagerFactory, json.getIfAvailable(JsonMapper::new));
		}

	}

	/** The table's migration with the application's Flyway; loaded only with Flyway. */
	private static final class FlywayMigration {

		static void migrate(DataSource dataSource, ListableBeanFactory beanFactory, @Nullable String schema) {
			FlywaySchema.migrate(dataSource, beanFactory.getBeanProvider(Flyway.class).getIfUnique(), schema);
		}

	}

}
