package io.signalsforspring.signals.faults;

import java.util.Map;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.durable.Article;
import io.signalsforspring.signals.durable.Ping;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import jakarta.persistence.EntityManager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application run as a real process by {@link ProcessFaultTests}: durable pings, one
 * of which ({@code halt}) stops the JVM as an out-of-memory error or a native crash
 * would, and an article receiver that runs in every instance and stops the JVM the first
 * time it runs (right after the commit). What receivers did is written to
 * {@code fault_effects}, in the receiver's transaction, once per delivery id.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Article.class)
@Import(FaultyApplication.Receivers.class)
public class FaultyApplication {

	@Bean
	Ping ping() {
		return new Ping();
	}

	/**
	 * Run it; {@code --send=pings} sends ten healthy pings and one that halts, in one
	 * transaction, {@code --send=article} saves an article, once started.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FaultyApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		ConfigurableApplicationContext context = application.run(args);
		context.registerShutdownHook();
	}

	static class Receivers {

		private final JdbcTemplate jdbc;

		private final String group;

		private final TransactionTemplate apart;

		Receivers(JdbcTemplate jdbc, org.springframework.core.env.Environment environment,
				org.springframework.transaction.PlatformTransactionManager transactions) {
			this.jdbc = jdbc;
			this.apart = new TransactionTemplate(transactions);
			this.apart.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
			this.group = environment.getRequiredProperty("spring.application.name");
			jdbc.execute("create table if not exists fault_effects (grp varchar(100), delivery_id varchar(100), "
					+ "what varchar(200))");
		}

		@EventListener
		void send(ApplicationReadyEvent ready) {
			String send = ready.getApplicationContext().getEnvironment().getProperty("send", "");
			TransactionTemplate transactions = ready.getApplicationContext().getBean(TransactionTemplate.class);
			if (send.equals("pings")) {
				Ping ping = ready.getApplicationContext().getBean(Ping.class);
				transactions.executeWithoutResult((status) -> {
					ping.send(FaultyApplication.class, Map.of("text", "halt"));
					for (int i = 1; i <= 10; i++) {
						ping.send(FaultyApplication.class, Map.of("text", "healthy " + i));
					}
				});
			}
			if (send.equals("article")) {
				EntityManager entityManager = ready.getApplicationContext().getBean(EntityManager.class);
				transactions.executeWithoutResult((status) -> entityManager.persist(new Article("Crash after commit")));
			}
		}

		@Receiver(signal = Ping.class, phase = Phase.AFTER_COMMIT, durable = true, maxAttempts = 3,
				firstRetryDelay = "100ms", maxRetryDelay = "200ms")
		void ping(String text, String deliveryId) {
			if (text.equals("halt")) {
				Runtime.getRuntime().halt(137);
			}
			effect(deliveryId, text);
		}

		@Receiver(signal = PostSave.class, sender = Article.class, phase = Phase.AFTER_COMMIT,
				cluster = Cluster.EVERY_INSTANCE)
		void evict(Article instance) {
			String deliveryId = "article " + instance.getId();
			Integer halted = this.jdbc.queryForObject(
					"select count(*) from fault_effects where grp = ? and what = 'halted'", Integer.class, this.group);
			if (halted == null || halted == 0) {
				// committed on its own: after the sender's commit, its connection is
				// still bound
				this.apart.executeWithoutResult((status) -> this.jdbc
					.update("insert into fault_effects values (?, ?, 'halted')", this.group, deliveryId));
				Runtime.getRuntime().halt(137);
			}
			effect(deliveryId, "evicted " + instance.getTitle());
		}

		/** Once per delivery id and effect: the documented idempotent receiver. */
		private void effect(String deliveryId, String what) {
			Integer done = this.jdbc.queryForObject(
					"select count(*) from fault_effects where grp = ? and delivery_id = ? and what = ?", Integer.class,
					this.group, deliveryId, what);
			if (done == null || done == 0) {
				this.jdbc.update("insert into fault_effects values (?, ?, ?)", this.group, deliveryId, what);
			}
		}

	}

}
