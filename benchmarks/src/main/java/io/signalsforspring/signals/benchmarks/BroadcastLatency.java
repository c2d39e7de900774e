package io.signalsforspring.signals.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broadcasts between two instances over the local RabbitMQ, for docs/benchmarks.md: two
 * application contexts in one JVM (so that one clock times both) on one database, each
 * with a receiver that runs in every instance.
 * <ol>
 * <li><b>latency</b>: instance A sends one signal per transaction, one at a time; the
 * time from the commit's return on A to the receiver's call on B, p50 and p99;</li>
 * <li><b>throughput</b>: A sends as fast as one thread can, one signal per transaction;
 * broadcasts per second until B has received them all.</li>
 * </ol>
 * Arguments: JDBC URL, number of sends per part.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/results/classpath.txt) \
 *     io.signalsforspring.signals.benchmarks.BroadcastLatency jdbc:postgresql://127.0.0.1:5432/test 2000
 * </pre>
 */
public final class BroadcastLatency {

	/** When B's receiver ran, by send number. */
	private static final Map<Integer, Long> receivedOnB = new ConcurrentHashMap<>();

	private static final AtomicInteger receivedCount = new AtomicInteger();

	private BroadcastLatency() {
	}

	public static void main(String[] args) throws Exception {
		String url = (args.length > 0) ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
		int sends = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		try (ConfigurableApplicationContext a = start("a", url); ConfigurableApplicationContext b = start("b", url)) {
			new JdbcTemplate(a.getBean(javax.sql.DataSource.class)).update("delete from signals_delivery");
			Signal tick = a.getBean(Tick.class);
			TransactionTemplate transactions = new TransactionTemplate(a.getBean(PlatformTransactionManager.class));
			latency(transactions, tick, 0, Math.max(200, sends / 10), false);
			latency(transactions, tick, 1_000_000, sends, true);
			throughput(transactions, tick, 2_000_000, sends);
		}
	}

	private static void latency(TransactionTemplate transactions, Signal tick, int first, int sends, boolean print)
			throws InterruptedException {
		long[] committed = new long[sends];
		for (int i = 0; i < sends; i++) {
			int n = first + i;
			transactions.executeWithoutResult((status) -> tick.send(BroadcastLatency.class, Map.of("n", n)));
			committed[i] = System.nanoTime();
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!receivedOnB.containsKey(n) && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
		}
		if (!print) {
			return;
		}
		long[] micros = new long[sends];
		for (int i = 0; i < sends; i++) {
			Long received = receivedOnB.get(first + i);
			micros[i] = (received != null) ? (received - committed[i]) / 1000 : Long.MAX_VALUE;
		}
		Arrays.sort(micros);
		System.out.printf(
				"latency: %d broadcasts, one at a time, commit on A to receiver on B: p50 %.2f ms, "
						+ "p99 %.2f ms, max %.2f ms%n",
				sends, micros[sends / 2] / 1000.0, micros[sends * 99 / 100] / 1000.0, micros[sends - 1] / 1000.0);
	}

	private static void throughput(TransactionTemplate transactions, Signal tick, int first, int sends)
			throws InterruptedException {
		int before = receivedCount.get();
		long start = System.nanoTime();
		for (int i = 0; i < sends; i++) {
			int n = first + i;
			transactions.executeWithoutResult((status) -> tick.send(BroadcastLatency.class, Map.of("n", n)));
		}
		double sent = (System.nanoTime() - start) / 1e9;
		long deadline = System.nanoTime() + 300_000_000_000L;
		while (receivedCount.get() - before < sends && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		double all = (System.nanoTime() - start) / 1e9;
		System.out.printf(
				"throughput: %d broadcasts sent in %.1f s (%.0f/s) by one thread; B received %d of them "
						+ "after %.1f s: %.0f broadcasts/s end to end%n",
				sends, sent, sends / sent, receivedCount.get() - before, all, (receivedCount.get() - before) / all);
	}

	private static ConfigurableApplicationContext start(String id, String url) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--spring.main.banner-mode=off", "--logging.level.root=WARN",
					"--signals.durable.initialize-schema=always", "--signals.durable.group=broadcast-benchmark",
					"--signals.durable.threads=8", "--spring.rabbitmq.host=127.0.0.1",
					"--spring.jpa.hibernate.ddl-auto=none");
		context.setId(id);
		return context;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Tick tick() {
			return new Tick();
		}

		@Bean
		Receivers receivers(ApplicationContext context) {
			return new Receivers(context);
		}

	}

	static final class Tick extends Signal {

		Tick() {
			super(SignalSpec.named("broadcast_tick").argument("n", Integer.class));
		}

	}

	static final class Receivers {

		private final ApplicationContext context;

		Receivers(ApplicationContext context) {
			this.context = context;
		}

		@Receiver(signal = Tick.class, phase = Phase.AFTER_COMMIT, cluster = Cluster.EVERY_INSTANCE)
		void tick(Integer n) {
			if ("b".equals(this.context.getId())) {
				receivedOnB.put(n, System.nanoTime());
				receivedCount.incrementAndGet();
			}
		}

	}

}
