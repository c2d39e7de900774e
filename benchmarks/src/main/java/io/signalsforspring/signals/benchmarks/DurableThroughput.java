package io.signalsforspring.signals.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.durable.DeliveryOperations;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Durable delivery under load, on a real database (PostgreSQL by default), for
 * docs/benchmarks.md:
 * <ol>
 * <li><b>cost per transaction</b>: the statements a durable receiver adds to a
 * transaction that sends one signal, and the time per transaction next to an after-commit
 * receiver that is not durable;</li>
 * <li><b>sustained throughput</b>: two producers send signals (10 per transaction) as
 * fast as they can, or at a given rate, for a while; a no-op durable receiver takes them;
 * prints deliveries per second and how long the oldest due delivery waited, sampled every
 * second.</li>
 * </ol>
 * Arguments: JDBC URL, seconds, rate per second (0 for as fast as possible).
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/results/classpath.txt) \
 *     io.signalsforspring.signals.benchmarks.DurableThroughput jdbc:postgresql://127.0.0.1:5432/test 30
 * </pre>
 */
public final class DurableThroughput {

	private static final AtomicLong delivered = new AtomicLong();

	private static final AtomicLong deliveryInserts = new AtomicLong();

	private DurableThroughput() {
	}

	public static void main(String[] args) throws Exception {
		String url = (args.length > 0) ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 30;
		int rate = (args.length > 2) ? Integer.parseInt(args[2]) : 0;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.datasource.hikari.maximum-pool-size=12", "--spring.main.banner-mode=off",
					"--logging.level.root=WARN", "--signals.durable.initialize-schema=always",
					"--signals.durable.threads=8", "--signals.durable.polling-interval=1s",
					"--signals.durable.group=benchmark", "--spring.jpa.hibernate.ddl-auto=none")) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			jdbc.update("delete from signals_delivery");
			jdbc.execute("create table if not exists durable_bench_row (n int)");
			costPerTransaction(context);
			throughput(context, seconds, rate);
		}
	}

	private static void costPerTransaction(ConfigurableApplicationContext context) {
		TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
		Signal durable = context.getBean("durableTick", Signal.class);
		Signal plain = context.getBean("plainTick", Signal.class);
		int n = 2_000;
		for (int warmUp = 0; warmUp < 2; warmUp++) {
			time(transactions, jdbc, plain, n);
			time(transactions, jdbc, durable, n);
		}
		awaitDrained(context, Duration.ofSeconds(60));
		long insertsBefore = deliveryInserts.get();
		double plainMicros = time(transactions, jdbc, plain, n);
		double durableMicros = time(transactions, jdbc, durable, n);
		long inserts = deliveryInserts.get() - insertsBefore;
		System.out.printf("cost: %d transactions writing a row and sending 1 signal; after-commit receiver %.1f us/tx, "
				+ "durable receiver %.1f us/tx (+%.1f us); INSERTs into signals_delivery per transaction: %.2f%n", n,
				plainMicros, durableMicros, durableMicros - plainMicros, (double) inserts / n);
		awaitDrained(context, Duration.ofSeconds(60));
		long insertsBeforeTen = deliveryInserts.get();
		for (int i = 0; i < 200; i++) {
			transactions.executeWithoutResult((status) -> {
				jdbc.update("insert into durable_bench_row (n) values (1)");
				for (int k = 0; k < 10; k++) {
					durable.send(DurableThroughput.class, Map.of("n", k));
				}
			});
		}
		System.out.printf(
				"cost: 200 transactions sending 10 signals each: INSERT statements into signals_delivery "
						+ "per transaction: %.2f (one JDBC batch of 10 rows)%n",
				(deliveryInserts.get() - insertsBeforeTen) / 200.0);
		awaitDrained(context, Duration.ofSeconds(60));
	}

	private static double time(TransactionTemplate transactions, JdbcTemplate jdbc, Signal signal, int n) {
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			transactions.executeWithoutResult((status) -> {
				jdbc.update("insert into durable_bench_row (n) values (1)");
				signal.send(DurableThroughput.class, Map.of("n", 1));
			});
		}
		return (System.nanoTime() - start) / 1e3 / n;
	}

	private static void throughput(ConfigurableApplicationContext context, int seconds, int rate) throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		Signal durable = context.getBean("durableTick", Signal.class);
		DeliveryOperations operations = context.getBean(DeliveryOperations.class);
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong sent = new AtomicLong();
		List<Thread> producers = new ArrayList<>();
		long begin = System.nanoTime();
		for (int p = 0; p < 2; p++) {
			Thread producer = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					if (rate > 0 && sent.get() >= (System.nanoTime() - begin) / 1e9 * rate) {
						Thread.onSpinWait();
						continue;
					}
					transactions.executeWithoutResult((status) -> {
						for (int i = 0; i < 10; i++) {
							durable.send(DurableThroughput.class, Map.of("n", i));
						}
					});
					sent.addAndGet(10);
				}
			});
			producer.start();
			producers.add(producer);
		}
		long deliveredAtStart = delivered.get();
		long start = System.nanoTime();
		List<Long> ages = new ArrayList<>();
		long maxPending = 0;
		while (System.nanoTime() < deadline) {
			Thread.sleep(1000);
			DeliveryOperations.Summary summary = operations.summary();
			ages.add(summary.oldestPendingAge().toMillis());
			maxPending = Math.max(maxPending, summary.pending());
		}
		for (Thread producer : producers) {
			producer.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		long deliveredInWindow = delivered.get() - deliveredAtStart;
		long drainStart = System.nanoTime();
		awaitDrained(context, Duration.ofMinutes(5));
		double drain = (System.nanoTime() - drainStart) / 1e9;
		ages.sort(null);
		System.out.printf(
				"throughput: %ds, %s; sent %d (%.0f/s); delivered %d during the run (%.0f/s); pending at most %d; "
						+ "oldest due delivery waited median %d ms, max %d ms; the rest drained in %.1f s%n",
				seconds, (rate > 0) ? "sending at most " + rate + "/s" : "sending as fast as possible", sent.get(),
				sent.get() / elapsed, deliveredInWindow, deliveredInWindow / elapsed, maxPending,
				ages.get(ages.size() / 2), ages.get(ages.size() - 1), drain);
	}

	private static void awaitDrained(ConfigurableApplicationContext context, Duration timeout) {
		DeliveryOperations operations = context.getBean(DeliveryOperations.class);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (operations.summary().pending() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		DurableTick durableTick() {
			return new DurableTick();
		}

		@Bean
		PlainTick plainTick() {
			return new PlainTick();
		}

		@Bean
		Receivers receivers() {
			return new Receivers();
		}

		/** Counts the INSERTs into the delivery table, whoever sends them. */
		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					InvocationHandler sources = (proxy, method, arguments) -> {
						Object result = invoke(method, dataSource, arguments);
						return (result instanceof Connection connection) ? counting(connection) : result;
					};
					return Proxy.newProxyInstance(DurableThroughput.class.getClassLoader(),
							new Class<?>[] { DataSource.class }, sources);
				}

			};
		}

		private static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments)
				throws Throwable {
			try {
				return method.invoke(target, arguments);
			}
			catch (java.lang.reflect.InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		private static Connection counting(Connection connection) {
			InvocationHandler handler = (proxy, method, arguments) -> {
				if (method.getName().equals("prepareStatement") && arguments != null
						&& arguments[0] instanceof String sql
						&& sql.toLowerCase().startsWith("insert into signals_delivery")) {
					deliveryInserts.incrementAndGet();
				}
				return invoke(method, connection, arguments);
			};
			return (Connection) Proxy.newProxyInstance(DurableThroughput.class.getClassLoader(),
					new Class<?>[] { Connection.class }, handler);
		}

	}

	static final class DurableTick extends Signal {

		DurableTick() {
			super(SignalSpec.named("durable_tick").argument("n", Integer.class));
		}

	}

	static final class PlainTick extends Signal {

		PlainTick() {
			super(SignalSpec.named("plain_tick").argument("n", Integer.class));
		}

	}

	static class Receivers {

		@Receiver(signal = DurableTick.class, phase = Phase.AFTER_COMMIT, durable = true)
		void durable(Integer n) {
			delivered.incrementAndGet();
		}

		@Receiver(signal = PlainTick.class, phase = Phase.AFTER_COMMIT)
		void plain(Integer n) {
		}

	}

}
