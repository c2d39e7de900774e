package io.signalsforspring.signals.jpa.autoconfigure;

import io.signalsforspring.signals.jpa.HibernateSignalsRegistrar;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SignalsJpaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsJpaAutoConfiguration.class));

	@Test
	void bridgeIsOnByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(HibernateSignalsRegistrar.class));
	}

	@Test
	void beforeCommitFlushIsOnByDefaultAndOffWithItsProperty() {
		this.runner.run((context) -> assertThat(context.getBean(HibernateSignalsRegistrar.class))
			.hasFieldOrPropertyWithValue("beforeCommitFlush", true));
		this.runner.withPropertyValues("signals.jpa.before-commit-flush=false")
			.run((context) -> assertThat(context.getBean(HibernateSignalsRegistrar.class))
				.hasFieldOrPropertyWithValue("beforeCommitFlush", false));
	}

	@Test
	void jpaEnabledFalseTurnsTheBridgeOff() {
		this.runner.withPropertyValues("signals.jpa.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HibernateSignalsRegistrar.class));
	}

	@Test
	void signalsEnabledFalseTurnsTheBridgeOff() {
		this.runner.withPropertyValues("signals.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HibernateSignalsRegistrar.class));
	}

	@Test
	void bridgeBacksOffWithoutHibernate() {
		this.runner.withClassLoader(new FilteredClassLoader(SessionFactoryImplementor.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(HibernateSignalsRegistrar.class));
	}

}
