package io.signalsforspring.signals.jpa;

import java.util.List;
import java.util.UUID;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.jpa.autoconfigure.SignalsJpaAutoConfiguration;
import io.signalsforspring.signals.jpa.units.notes.Note;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge moves a transaction's flush into the before-commit phase only for
 * {@code BEFORE_COMMIT} receivers of model signals: without one, a JPA transaction
 * commits exactly as without the starter; with one, the flush is registered, unless
 * {@code signals.jpa.before-commit-flush=false}.
 */
class BeforeCommitFlushIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				SignalsAutoConfiguration.class, SignalsJpaAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:flush-" + UUID.randomUUID(),
				"spring.datasource.username=sa", "spring.datasource.password=",
				"spring.jpa.hibernate.ddl-auto=create-drop")
		.withUserConfiguration(Notes.class);

	@Test
	void noFlushIsMovedWithoutBeforeCommitReceivers() {
		this.runner.withUserConfiguration(AfterCommitReceiver.class)
			.run((context) -> assertThat(synchronizationsWhileSaving(context))
				.noneMatch(BeforeCommitFlush.class::isInstance));
	}

	@Test
	void flushIsMovedForABeforeCommitReceiverOfAModelSignal() {
		this.runner.withUserConfiguration(BeforeCommitReceiver.class)
			.run((context) -> assertThat(synchronizationsWhileSaving(context))
				.anyMatch(BeforeCommitFlush.class::isInstance));
	}

	@Test
	void flushIsNotMovedWhenItsPropertyIsOff() {
		this.runner.withUserConfiguration(BeforeCommitReceiver.class)
			.withPropertyValues("signals.jpa.before-commit-flush=false")
			.run((context) -> assertThat(synchronizationsWhileSaving(context))
				.noneMatch(BeforeCommitFlush.class::isInstance));
	}

	private static List<TransactionSynchronization> synchronizationsWhileSaving(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		EntityManager entityManager = context.getBean(EntityManager.class);
		return new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute((status) -> {
			entityManager.persist(new Note("a note"));
			return TransactionSynchronizationManager.getSynchronizations();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Note.class)
	static class Notes {

	}

	@Configuration(proxyBeanMethods = false)
	@Import(AfterCommitReceiver.Receivers.class)
	static class AfterCommitReceiver {

		static class Receivers {

			@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT)
			void saved() {
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(BeforeCommitReceiver.Receivers.class)
	static class BeforeCommitReceiver {

		static class Receivers {

			@Receiver(signal = PostSave.class, phase = Phase.BEFORE_COMMIT)
			void saved() {
			}

		}

	}

}
