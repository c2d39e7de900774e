package io.signalsforspring.signals.spring.autoconfigure;

import io.signalsforspring.signals.spring.flyway.MigrationSignalsCallback;
import io.signalsforspring.signals.spring.jdbc.ConnectionCreatedPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each global side effect of the framework signals (a servlet filter on every request, a
 * callback on every migration, a connection source in every Hikari pool) is on by default
 * and off with its own property.
 */
class SignalsFrameworkAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SignalsAutoConfiguration.class, SignalsFrameworkAutoConfiguration.class));

	@Test
	void everyBridgeIsOnByDefault() {
		this.runner.run((context) -> assertThat(context).hasBean("requestSignalsFilter")
			.hasSingleBean(MigrationSignalsCallback.class)
			.hasSingleBean(ConnectionCreatedPostProcessor.class));
	}

	@Test
	void requestFilterIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.web.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("requestSignalsFilter")
				.hasSingleBean(MigrationSignalsCallback.class));
	}

	@Test
	void flywayCallbackIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.flyway.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationSignalsCallback.class)
				.hasBean("requestSignalsFilter"));
	}

	@Test
	void hikariConnectionSourceIsOffWithItsProperty() {
		this.runner.withPropertyValues("signals.jdbc.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConnectionCreatedPostProcessor.class));
	}

}
