package io.signalsforspring.signals.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The bridge's operation of {@link BridgeBenchmark}, timed by the CPU time of the thread
 * that runs it, with every variant started in one JVM and their operations alternating:
 * on a shared machine whose wall-clock speed drifts by more than the overhead being
 * measured, the variants then see the same conditions. The first third of the rounds is
 * warm-up. Prints the median per variant and its difference to the first.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/results/classpath.txt) \
 *     io.signalsforspring.signals.benchmarks.BridgeCpuComparison hibernate,receivers 45
 * </pre>
 */
public final class BridgeCpuComparison {

	private BridgeCpuComparison() {
	}

	public static void main(String[] args) {
		String[] variants = args[0].split(",");
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 45;
		List<BridgeBenchmark> benchmarks = new ArrayList<>();
		List<List<Long>> nanos = new ArrayList<>();
		for (String variant : variants) {
			BridgeBenchmark benchmark = new BridgeBenchmark();
			benchmark.variant = variant;
			benchmark.start();
			benchmarks.add(benchmark);
			nanos.add(new ArrayList<>());
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < benchmarks.size(); i++) {
				long start = threads.getCurrentThreadCpuTime();
				benchmarks.get(i).insertThenUpdate();
				long used = threads.getCurrentThreadCpuTime() - start;
				benchmarks.get(i).deleteAll();
				if (round >= rounds / 3) {
					nanos.get(i).add(used);
				}
			}
		}
		double first = median(nanos.get(0));
		for (int i = 0; i < variants.length; i++) {
			double median = median(nanos.get(i));
			System.out.printf("%-12s %8.1f ms CPU %+7.1f%%%n", variants[i], median / 1e6, (median / first - 1) * 100);
		}
		benchmarks.forEach(BridgeBenchmark::stop);
	}

	private static double median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		sorted.sort(null);
		return sorted.get(sorted.size() / 2);
	}

}
