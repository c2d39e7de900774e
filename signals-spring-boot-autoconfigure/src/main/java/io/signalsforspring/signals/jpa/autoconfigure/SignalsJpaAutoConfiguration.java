package io.signalsforspring.signals.jpa.autoconfigure;

import io.signalsforspring.signals.jpa.HibernateSignalsRegistrar;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Hibernate bridge: model signals for every
 * {@link EntityManagerFactory} of the context. Turned off by
 * {@code signals.jpa.enabled=false}.
 */
@AutoConfiguration(after = SignalsAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, SessionFactoryImplementor.class })
@ConditionalOnBooleanProperty(name = "signals.jpa.enabled", matchIfMissing = true)
@ConditionalOnBean(SignalsAutoConfiguration.class)
public final class SignalsJpaAutoConfiguration {

	SignalsJpaAutoConfiguration() {
	}

	@Bean
	static HibernateSignalsRegistrar hibernateSignalsRegistrar(Environment environment) {
		return new HibernateSignalsRegistrar(
				environment.getProperty("signals.jpa.before-commit-flush", Boolean.class, true));
	}

}
