package io.signalsforspring.signals.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.jpa.autoconfigure.SignalsJpaAutoConfiguration;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import io.signalsforspring.signals.spring.autoconfigure.SignalsFrameworkAutoConfiguration;
import io.signalsforspring.signals.spring.autoconfigure.SignalsObservabilityAutoConfiguration;
import jakarta.persistence.EntityManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the Hibernate bridge adds to writes: 10,000 inserts and then 10,000 updates, in
 * batches of 50, on H2 in memory, with plain Hibernate (the starter excluded), with the
 * starter and no receivers, with a no-op {@code pre_save} and {@code post_save} receiver,
 * and with an after-commit {@code post_save} receiver.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 15)
@Fork(1)
public class BridgeBenchmark {

	static final int ENTITIES = 10_000;

	static final int BATCH = 50;

	@Param({ "hibernate", "starter", "receivers", "afterCommit" })
	public String variant;

	private ConfigurableApplicationContext context;

	private EntityManager entityManager;

	private TransactionTemplate transactions;

	@Setup(Level.Trial)
	public void start() {
		Class<?> application = switch (this.variant) {
			case "hibernate" -> PlainHibernate.class;
			case "starter" -> WithStarter.class;
			case "receivers" -> WithReceivers.class;
			default -> WithAfterCommitReceiver.class;
		};
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		this.context = spring.run("--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
				"--spring.jpa.hibernate.ddl-auto=create-drop",
				"--spring.jpa.properties.hibernate.jdbc.batch_size=" + BATCH,
				"--spring.jpa.properties.hibernate.order_inserts=true",
				"--spring.jpa.properties.hibernate.order_updates=true", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--spring.flyway.enabled=false");
		this.entityManager = this.context.getBean(EntityManager.class);
		this.transactions = this.context.getBean(TransactionTemplate.class);
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	@TearDown(Level.Invocation)
	public void deleteAll() {
		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.createQuery("delete from BenchEntity").executeUpdate());
	}

	@Benchmark
	public int insertThenUpdate() {
		List<Long> ids = this.transactions.execute((status) -> {
			List<Long> created = new ArrayList<>(ENTITIES);
			for (int i = 0; i < ENTITIES; i++) {
				BenchEntity entity = new BenchEntity("entity " + i);
				this.entityManager.persist(entity);
				created.add(entity.getId());
				if ((i + 1) % BATCH == 0) {
					this.entityManager.flush();
					this.entityManager.clear();
				}
			}
			return created;
		});
		this.transactions.executeWithoutResult((status) -> {
			for (int from = 0; from < ids.size(); from += BATCH) {
				List<Long> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
				this.entityManager.createQuery("from BenchEntity e where e.id in :ids", BenchEntity.class)
					.setParameter("ids", batch)
					.getResultList()
					.forEach(BenchEntity::increment);
				this.entityManager.flush();
				this.entityManager.clear();
			}
		});
		return ids.size();
	}

	/** Spring Boot with JPA, without the starter. */
	@SpringBootConfiguration
	@EnableAutoConfiguration(exclude = { SignalsAutoConfiguration.class, SignalsJpaAutoConfiguration.class,
			SignalsFrameworkAutoConfiguration.class, SignalsObservabilityAutoConfiguration.class })
	public static class PlainHibernate {

	}

	/** The same with the starter, and nobody listening. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class WithStarter {

	}

	/** The starter with a no-op {@code pre_save} and {@code post_save} receiver. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class WithReceivers {

		@Receiver(signal = PreSave.class, sender = BenchEntity.class)
		void preSave(BenchEntity instance) {
		}

		@Receiver(signal = PostSave.class, sender = BenchEntity.class)
		void postSave(BenchEntity instance, boolean created) {
		}

	}

	/** The starter with an after-commit {@code post_save} receiver. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	public static class WithAfterCommitReceiver {

		@Receiver(signal = PostSave.class, sender = BenchEntity.class, phase = Phase.AFTER_COMMIT)
		void afterCommit(BenchEntity instance) {
		}

	}

}
