package io.signalsforspring.signals.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.signalsforspring.signals.AuthSignals;
import io.signalsforspring.signals.DatabaseSignals;
import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.RequestSignals;
import io.signalsforspring.signals.spring.flyway.MigrationSignalsCallback;
import io.signalsforspring.signals.spring.jdbc.ConnectionCreatedPostProcessor;
import io.signalsforspring.signals.spring.security.AuthenticationSignals;
import io.signalsforspring.signals.spring.web.RequestSignalsFilter;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;

/**
 * Auto-configuration of the framework signals, each when its technology is on the class
 * path: request signals for servlet web applications, migration signals for Flyway,
 * {@code connection_created} for HikariCP pools, and authentication signals for Spring
 * Security. The first three change every request, migration or pool, so each is set up
 * only when a {@code @Receiver} method of its signals is declared, or when its property
 * ({@code signals.web.enabled}, {@code signals.flyway.enabled},
 * {@code signals.jdbc.enabled}) is {@code true}; {@code false} turns it off.
 */
@AutoConfiguration(after = SignalsAutoConfiguration.class)
@ConditionalOnBean(SignalsAutoConfiguration.class)
public final class SignalsFrameworkAutoConfiguration {

	SignalsFrameworkAutoConfiguration() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(FilterRegistrationBean.class)
	@ConditionalOnReceivers(property = "signals.web.enabled", signals = { RequestSignals.RequestStarted.class,
			RequestSignals.RequestFinished.class, RequestSignals.GotRequestException.class })
	static class RequestSignalsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "requestSignalsFilter")
		FilterRegistrationBean<RequestSignalsFilter> requestSignalsFilter(RequestSignals.RequestStarted started,
				RequestSignals.RequestFinished finished, RequestSignals.GotRequestException failed) {
			FilterRegistrationBean<RequestSignalsFilter> registration = new FilterRegistrationBean<>(
					new RequestSignalsFilter(started, finished, failed));
			registration.setOrder(RequestSignalsFilter.ORDER);
			return registration;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Flyway.class)
	@ConditionalOnReceivers(property = "signals.flyway.enabled",
			signals = { ModelSignals.PreMigrate.class, ModelSignals.PostMigrate.class })
	static class MigrationSignalsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		MigrationSignalsCallback migrationSignalsCallback(ModelSignals.PreMigrate preMigrate,
				ModelSignals.PostMigrate postMigrate) {
			return new MigrationSignalsCallback(preMigrate, postMigrate);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HikariDataSource.class)
	@ConditionalOnReceivers(property = "signals.jdbc.enabled", signals = DatabaseSignals.ConnectionCreated.class)
	static class ConnectionSignalsConfiguration {

		@Bean
		static ConnectionCreatedPostProcessor connectionCreatedPostProcessor(
				ObjectProvider<DatabaseSignals.ConnectionCreated> signal) {
			return new ConnectionCreatedPostProcessor(signal);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractAuthenticationEvent.class)
	static class AuthenticationSignalsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AuthenticationSignals authenticationSignals(AuthSignals.UserLoggedIn loggedIn,
				AuthSignals.UserLoggedOut loggedOut, AuthSignals.UserLoginFailed loginFailed) {
			return new AuthenticationSignals(loggedIn, loggedOut, loginFailed);
		}

	}

}
