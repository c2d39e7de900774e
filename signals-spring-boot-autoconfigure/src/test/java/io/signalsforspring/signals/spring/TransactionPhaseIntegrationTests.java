package io.signalsforspring.signals.spring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Commit phases against real transactions: an embedded H2 database with Spring's JDBC
 * transaction manager. One context serves every test.
 */
class TransactionPhaseIntegrationTests {

	private static ConfigurableApplicationContext context;

	private static Phases phases;

	private static TransactionTemplate transactions;

	private static JdbcTemplate jdbc;

	private static OrderConfirmed orderConfirmed;

	@BeforeAll
	static void startContext() {
		context = new SpringApplication(Phases.class).run("--spring.main.web-application-type=none",
				"--spring.main.banner-mode=off");
		phases = context.getBean(Phases.class);
		transactions = context.getBean(TransactionTemplate.class);
		jdbc = context.getBean(JdbcTemplate.class);
		orderConfirmed = context.getBean(OrderConfirmed.class);
		jdbc.execute("create table orders (id varchar(20) primary key)");
	}

	@AfterAll
	static void closeContext() {
		context.close();
	}

	@BeforeEach
	void reset() {
		phases.calls.clear();
		phases.failures.clear();
		phases.failIn = null;
		jdbc.update("delete from orders");
	}

	private void confirmInTransaction(String order, boolean rollback) {
		transactions.executeWithoutResult((status) -> {
			jdbc.update("insert into orders (id) values (?)", order);
			orderConfirmed.send(this, Map.of("order", order, "quantity", 1));
			if (rollback) {
				status.setRollbackOnly();
			}
		});
	}

	@Test
	void afterCommitReceiverRunsAfterCommitAndSeesTheCommittedRow() {
		confirmInTransaction("A-1", false);
		assertThat(phases.calls).contains("after commit A-1 committed rows 1");
		assertThat(phases.calls.indexOf("immediate A-1"))
			.isLessThan(phases.calls.indexOf("before commit A-1 in tx true"));
		assertThat(phases.calls.indexOf("before commit A-1 in tx true"))
			.isLessThan(phases.calls.indexOf("after commit A-1 committed rows 1"));
	}

	@Test
	void afterCommitReceiverNeverRunsAfterRollback() {
		confirmInTransaction("B-1", true);
		assertThat(phases.calls).noneMatch((call) -> call.startsWith("after commit"))
			.noneMatch((call) -> call.startsWith("before commit"))
			.contains("after rollback B-1", "after completion B-1");
	}

	@Test
	void synchronizationWithoutATransactionIsNoTransactionToWaitFor() {
		TransactionTemplate supports = new TransactionTemplate(transactions.getTransactionManager());
		supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		supports.executeWithoutResult((status) -> {
			orderConfirmed.send(this, Map.of("order", "S-1", "quantity", 1));
			assertThat(phases.calls).as("no transaction: the commit phases run at once, as outside any scope")
				.anyMatch((call) -> call.startsWith("after commit S-1"));
		});
	}

	@Test
	void beforeCommitReceiverRunsInsideTheTransaction() {
		confirmInTransaction("C-1", false);
		assertThat(phases.calls).contains("before commit C-1 in tx true");
	}

	@Test
	void asyncAfterCommitReceiverRunsOnAnotherThreadAfterTheCommit() throws InterruptedException {
		confirmInTransaction("D-1", false);
		assertThat(phases.asyncDone.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(phases.calls).contains("async after commit D-1 on signals- rows 1");
	}

	@Test
	void exceptionInImmediateReceiverPropagatesToTheSenderAndRollsBack() {
		phases.failIn = Phase.IMMEDIATE;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> confirmInTransaction("E-1", false))
			.withMessage("failing in IMMEDIATE");
		assertThat(rows("E-1")).isZero();
		assertThat(phases.failures).isEmpty();
	}

	@Test
	void exceptionInBeforeCommitReceiverRollsBackAndPropagatesFromTheCommit() {
		phases.failIn = Phase.BEFORE_COMMIT;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> confirmInTransaction("F-1", false))
			.withMessage("failing in BEFORE_COMMIT");
		assertThat(rows("F-1")).isZero();
		assertThat(phases.calls).noneMatch((call) -> call.startsWith("after commit")).contains("after rollback F-1");
	}

	@Test
	void exceptionInAfterCommitReceiverGoesToTheErrorHandlerWithSignalSenderAndReceiver() {
		phases.failIn = Phase.AFTER_COMMIT;
		confirmInTransaction("G-1", false);
		assertThat(rows("G-1")).isOne();
		assertThat(phases.failures).singleElement().satisfies((failure) -> {
			assertThat(failure.signal()).isSameAs(orderConfirmed);
			assertThat(failure.sender()).isSameAs(this);
			assertThat(failure.receiver()).isEqualTo("transactionPhaseIntegrationTests.Phases#afterCommit(String)");
			assertThat(failure.phase()).isEqualTo(Phase.AFTER_COMMIT);
			assertThat(failure.async()).isFalse();
			assertThat(failure.exception()).hasMessage("failing in AFTER_COMMIT");
		});
	}

	@Test
	void commitPhaseReceiversRunAtOnceOutsideATransaction() {
		orderConfirmed.send(this, Map.of("order", "H-1", "quantity", 1));
		assertThat(phases.calls)
			.contains("immediate H-1", "before commit H-1 in tx false", "after commit H-1 committed rows 0",
					"after completion H-1")
			.noneMatch((call) -> call.startsWith("after rollback"));
	}

	private int rows(String order) {
		return jdbc.queryForObject("select count(*) from orders where id = ?", Integer.class, order);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(SignalsAutoConfiguration.class)
	static class Phases {

		final List<String> calls = new CopyOnWriteArrayList<>();

		final List<ReceiverFailure> failures = new CopyOnWriteArrayList<>();

		final CountDownLatch asyncDone = new CountDownLatch(1);

		volatile Phase failIn;

		@Bean
		DataSource dataSource() {
			return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
		}

		@Bean
		DataSourceTransactionManager transactionManager(DataSource dataSource) {
			return new DataSourceTransactionManager(dataSource);
		}

		@Bean
		TransactionTemplate transactionTemplate(DataSourceTransactionManager transactionManager) {
			return new TransactionTemplate(transactionManager);
		}

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Bean
		ReceiverErrorHandler recordingErrorHandler() {
			return this.failures::add;
		}

		private void maybeFail(Phase phase) {
			if (this.failIn == phase) {
				throw new IllegalStateException("failing in " + phase);
			}
		}

		private int committedRows(JdbcTemplate jdbc, String order) {
			return jdbc.queryForObject("select count(*) from orders where id = ?", Integer.class, order);
		}

		@Receiver(OrderConfirmed.class)
		void immediate(String order) {
			this.calls.add("immediate " + order);
			maybeFail(Phase.IMMEDIATE);
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.BEFORE_COMMIT)
		void beforeCommit(String order) {
			this.calls.add("before commit " + order + " in tx "
					+ TransactionSynchronizationManager.isActualTransactionActive());
			maybeFail(Phase.BEFORE_COMMIT);
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_COMMIT)
		void afterCommit(String order) {
			this.calls.add("after commit " + order + " committed rows "
					+ committedRows(TransactionPhaseIntegrationTests.jdbc, order));
			maybeFail(Phase.AFTER_COMMIT);
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_COMMIT, async = true)
		void asyncAfterCommit(String order) {
			if (order.startsWith("D")) {
				this.calls.add("async after commit " + order + " on "
						+ Thread.currentThread().getName().replaceAll("\\d+$", "") + " rows "
						+ committedRows(TransactionPhaseIntegrationTests.jdbc, order));
				this.asyncDone.countDown();
			}
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_ROLLBACK)
		void afterRollback(String order) {
			this.calls.add("after rollback " + order);
		}

		@Receiver(signal = OrderConfirmed.class, phase = Phase.AFTER_COMPLETION)
		void afterCompletion(String order) {
			this.calls.add("after completion " + order);
		}

	}

}
