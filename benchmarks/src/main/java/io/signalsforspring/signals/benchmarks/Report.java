package io.signalsforspring.signals.benchmarks;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints one table from JMH's JSON results: per benchmark the median of all measured
 * iterations (every fork), and its ratio to the benchmark it should be compared with.
 */
public final class Report {

	private static final Map<String, String> DISPATCH = new LinkedHashMap<>();

	private static final Map<String, String> BRIDGE = new LinkedHashMap<>();

	static {
		DISPATCH.put("floor", "floor: array of 1 receiver, call not inlined");
		DISPATCH.put("send0", "send, 0 receivers");
		DISPATCH.put("send1", "send, 1 receiver");
		DISPATCH.put("send1Undeclared", "send, 1 receiver, signal declares no arguments (no check)");
		DISPATCH.put("send1NewArguments", "send, 1 receiver, new argument map per send");
		DISPATCH.put("send10", "send, 10 receivers");
		DISPATCH.put("sendRobust1", "sendRobust, 1 receiver");
		DISPATCH.put("sendFiltered1Of101", "send, 1 of 101 receivers matches the sender");
		DISPATCH.put("sendSenderSpecific1", "send, 1 receiver for this sender");
		DISPATCH.put("sendSenderSpecific1NewArguments", "send, 1 receiver for this sender, new arguments");
		DISPATCH.put("sendSenderSpecific1Prepared", "sendEvent, 1 receiver for this sender, prepared event");
		DISPATCH.put("sendSenderSpecific1NewEvent", "sendEvent, 1 receiver for this sender, new event");
		DISPATCH.put("send1Prepared", "sendEvent, 1 receiver, prepared event");
		DISPATCH.put("send10Prepared", "sendEvent, 10 receivers, prepared event");
		DISPATCH.put("receiverMethod1", "send, 1 @Receiver bean method (starter)");
		DISPATCH.put("receiverMethod1Prepared", "sendEvent, 1 @Receiver bean method, prepared event");
		DISPATCH.put("springPublishEvent1", "Spring publishEvent, 1 @EventListener");
		DISPATCH.put("guavaEventBus1", "Guava EventBus post, 1 @Subscribe");
		DISPATCH.put("springPublishEvent1NewEvent", "Spring publishEvent, new event per publish");
		DISPATCH.put("guavaEventBus1NewEvent", "Guava EventBus post, new event per post");
		BRIDGE.put("insertThenUpdate:hibernate", "plain Hibernate, no starter");
		BRIDGE.put("insertThenUpdate:starter", "starter, no receivers");
		BRIDGE.put("insertThenUpdate:receivers", "starter, no-op pre_save and post_save receivers");
		BRIDGE.put("insertThenUpdate:afterCommit", "starter, after-commit post_save receiver");
	}

	private Report() {
	}

	/**
	 * Print the table.
	 * @param args the JMH JSON result files
	 */
	public static void main(String[] args) {
		JsonMapper json = JsonMapper.builder().build();
		Map<String, Double> medians = new LinkedHashMap<>();
		Map<String, Double> allocations = new LinkedHashMap<>();
		for (String file : args) {
			for (JsonNode result : json.readTree(new File(file))) {
				String name = result.get("benchmark").asString();
				name = name.substring(name.lastIndexOf('.') + 1);
				JsonNode params = result.get("params");
				if (params != null) {
					for (JsonNode param : params) {
						name = name + ":" + param.asString();
					}
				}
				JsonNode allocation = result.path("secondaryMetrics").get("gc.alloc.rate.norm");
				if (allocation != null) {
					allocations.put(name, median(allocation.get("rawData")));
				}
				else {
					medians.put(name, median(result.get("primaryMetric").get("rawData")));
				}
			}
		}
		System.out.printf("%-58s %12s %12s%n", "Dispatch (ns per send)", "median", "x floor");
		Double floor = medians.get("floor");
		DISPATCH.forEach((key, label) -> row(label, medians.get(key), floor, "%.1f", "%.1f"));
		targets(medians);
		System.out.printf("%n%-58s %12s%n", "Allocation (bytes per send, JMH -prof gc)", "median");
		DISPATCH.forEach((key, label) -> {
			if (allocations.containsKey(key)) {
				System.out.printf("%-58s %12.1f%n", label, allocations.get(key));
			}
		});
		System.out.printf("%n%-58s %12s %12s%n", "Hibernate bridge (ms per 10,000 inserts + 10,000 updates)", "median",
				"overhead");
		Double hibernate = medians.get("insertThenUpdate:hibernate");
		BRIDGE.forEach((key, label) -> row(label, medians.get(key), hibernate, "%.1f", "%+.1f%%"));
		System.out.printf("%n%-58s %12s %12s%n", "Hibernate bridge (MB allocated per operation, -prof gc)", "median",
				"more");
		Double hibernateBytes = allocations.get("insertThenUpdate:hibernate");
		BRIDGE.forEach((key, label) -> {
			Double bytes = allocations.get(key);
			if (bytes != null) {
				System.out.printf("%-58s %12.1f %12s%n", label, bytes / 1_000_000,
						(hibernateBytes != null) ? String.format("%+.1f%%", (bytes / hibernateBytes - 1) * 100) : "");
			}
		});
		System.out.printf("%n%-58s %12s %12s%n", "Start-up (ms per context refresh with 1,000 beans)", "median",
				"added");
		Double plain = medians.get("refresh:plain");
		Double annotated = medians.get("refresh:annotated");
		row("beans without @Receiver", plain, null, "%.1f", "");
		if (plain != null && annotated != null) {
			System.out.printf("%-58s %12.1f %12s%n", "beans with one @Receiver method each", annotated,
					String.format("%+.1f ms", annotated - plain));
		}
	}

	/** The ratios that issue 14's targets are stated in. */
	private static void targets(Map<String, Double> medians) {
		System.out.printf("%n%-58s %12s %12s%n", "Ratios (from the medians above)", "ratio", "target");
		ratio("prepared, 1 receiver for this sender : floor", medians.get("sendSenderSpecific1Prepared"),
				medians.get("floor"), "<= 3");
		ratio("Spring publishEvent, new event : sendEvent, new event", medians.get("springPublishEvent1NewEvent"),
				medians.get("sendSenderSpecific1NewEvent"), ">= 30");
		ratio("Guava post, new event : sendEvent, new event", medians.get("guavaEventBus1NewEvent"),
				medians.get("sendSenderSpecific1NewEvent"), ">= 15");
		ratio("Spring publishEvent, new event : send, new map", medians.get("springPublishEvent1NewEvent"),
				medians.get("sendSenderSpecific1NewArguments"), "");
		ratio("Guava post, new event : send, new map", medians.get("guavaEventBus1NewEvent"),
				medians.get("sendSenderSpecific1NewArguments"), "");
		ratio("@Receiver method : code receiver, prepared", medians.get("receiverMethod1Prepared"),
				medians.get("send1Prepared"), "<= 1.2");
		ratio("@Receiver method : code receiver, map", medians.get("receiverMethod1"), medians.get("send1"), "");
		Double ten = medians.get("send10Prepared");
		ratio("10 receivers, prepared, per receiver : floor", (ten != null) ? ten / 10 : null, medians.get("floor"),
				"<= 2");
	}

	private static void ratio(String label, Double value, Double base, String target) {
		if (value != null && base != null) {
			System.out.printf("%-58s %12.2f %12s%n", label, value / base, target);
		}
	}

	private static void row(String label, Double value, Double base, String valueFormat, String ratioFormat) {
		if (value == null) {
			return;
		}
		String ratio = "";
		if (base != null && ratioFormat.endsWith("%%")) {
			ratio = String.format(ratioFormat, (value / base - 1) * 100);
		}
		else if (base != null && !ratioFormat.isEmpty()) {
			ratio = String.format(ratioFormat, value / base);
		}
		System.out.printf("%-58s %12s %12s%n", label, String.format(valueFormat, value), ratio);
	}

	private static double median(JsonNode rawData) {
		List<Double> values = new ArrayList<>();
		for (JsonNode fork : rawData) {
			for (JsonNode value : fork) {
				values.add(value.asDouble());
			}
		}
		values.sort(Double::compare);
		int middle = values.size() / 2;
		return (values.size() % 2 == 1) ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
	}

}
