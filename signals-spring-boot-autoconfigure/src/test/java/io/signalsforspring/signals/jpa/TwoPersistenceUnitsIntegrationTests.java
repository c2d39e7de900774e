package io.signalsforspring.signals.jpa;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.jpa.autoconfigure.SignalsJpaAutoConfiguration;
import io.signalsforspring.signals.jpa.units.entries.Entry;
import io.signalsforspring.signals.jpa.units.notes.Note;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two entity manager factories in one context: each sends model signals, and
 * {@code using} tells them apart by the factory's bean name.
 */
@SpringBootTest(classes = TwoPersistenceUnitsIntegrationTests.TwoUnits.class)
class TwoPersistenceUnitsIntegrationTests {

	@Autowired
	private TwoUnits units;

	@Autowired
	@Qualifier("notesEntityManagerFactory")
	private EntityManagerFactory notes;

	@Autowired
	@Qualifier("entriesEntityManagerFactory")
	private EntityManagerFactory entries;

	@Test
	void eachPersistenceUnitSendsModelSignalsWithItsOwnUsing() {
		new TransactionTemplate(new JpaTransactionManager(this.notes)).executeWithoutResult((status) -> {
			var entityManager = org.springframework.orm.jpa.EntityManagerFactoryUtils
				.getTransactionalEntityManager(this.notes);
			entityManager.persist(new Note("a note"));
		});
		new TransactionTemplate(new JpaTransactionManager(this.entries)).executeWithoutResult((status) -> {
			var entityManager = org.springframework.orm.jpa.EntityManagerFactoryUtils
				.getTransactionalEntityManager(this.entries);
			entityManager.persist(new Entry("an entry"));
		});
		assertThat(this.units.saves).containsExactly("Note via notesEntityManagerFactory",
				"Entry via entriesEntityManagerFactory");
	}

	@SpringBootConfiguration
	@ImportAutoConfiguration({ SignalsAutoConfiguration.class, SignalsJpaAutoConfiguration.class })
	static class TwoUnits {

		final List<String> saves = new CopyOnWriteArrayList<>();

		@Receiver(PostSave.class)
		void saved(Class<?> sender, String using) {
			this.saves.add(sender.getSimpleName() + " via " + using);
		}

		private static DataSource dataSource(Environment environment, String h2Name) {
			boolean postgres = "postgresql".equals(System.getProperty("signals.test.database"));
			DriverManagerDataSource dataSource = new DriverManagerDataSource(
					postgres ? environment.getRequiredProperty("spring.datasource.url")
							: "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1");
			if (postgres) {
				dataSource.setUsername(environment.getProperty("spring.datasource.username"));
			}
			return dataSource;
		}

		private static LocalContainerEntityManagerFactoryBean unit(DataSource dataSource, Class<?> entity) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(dataSource);
			factory.setPackagesToScan(entity.getPackageName());
			factory.setPersistenceUnitName(entity.getSimpleName().toLowerCase());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			Properties properties = new Properties();
			properties.setProperty("hibernate.hbm2ddl.auto", "create-drop");
			factory.setJpaProperties(properties);
			return factory;
		}

		@Bean
		@Primary
		LocalContainerEntityManagerFactoryBean notesEntityManagerFactory(Environment environment) {
			return unit(dataSource(environment, "notes"), Note.class);
		}

		@Bean
		LocalContainerEntityManagerFactoryBean entriesEntityManagerFactory(Environment environment) {
			return unit(dataSource(environment, "entries"), Entry.class);
		}

	}

}
