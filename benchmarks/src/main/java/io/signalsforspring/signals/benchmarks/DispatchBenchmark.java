package io.signalsforspring.signals.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import io.signalsforspring.signals.ReceiverFunction;
import io.signalsforspring.signals.Response;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * The cost of one send, side by side with the floor of any dispatcher and with what users
 * would pick instead. Every receiver does the same work: it returns the {@code order}
 * argument, through a method the JIT may not inline. The arguments (or the event object)
 * are built once, so the figures are the dispatch itself; {@code send1NewArguments} adds
 * building the argument map on each send. The {@code Prepared} variants send an event the
 * signal made once ({@code signal.event(sender, values...)}); {@code NewEvent} makes it
 * on each send, as application code would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class DispatchBenchmark {

	private static final Map<String, Object> ARGUMENTS = Map.of("order", "A-1", "quantity", 2);

	private static final OrderEvent EVENT = new OrderEvent("A-1", 2);

	private static final Object SENDER = DispatchBenchmark.class;

	private volatile Handler[] handlers;

	private final OrderPlaced none = new OrderPlaced();

	private final OrderPlaced one = new OrderPlaced();

	private final OrderPlaced ten = new OrderPlaced();

	private final OrderPlaced filtered = new OrderPlaced();

	private final OrderPlaced senderSpecific = new OrderPlaced();

	private final Signal undeclared = new Signal("order_placed");

	private OrderPlaced viaReceiverMethod;

	private SignalEvent preparedOne;

	private SignalEvent preparedTen;

	private SignalEvent preparedSenderSpecific;

	private SignalEvent preparedReceiverMethod;

	private AnnotationConfigApplicationContext signalsContext;

	private AnnotationConfigApplicationContext springContext;

	private ApplicationEventPublisher publisher;

	private final EventBus eventBus = new EventBus();

	@Setup
	public void setUp() {
		this.handlers = new Handler[] { new Handler() };
		this.one.connect(DispatchBenchmark::receive);
		this.undeclared.connect(DispatchBenchmark::receive);
		for (int i = 0; i < 10; i++) {
			this.ten.connect(new CountingReceiver());
		}
		for (int i = 0; i < 100; i++) {
			this.filtered.connect(new CountingReceiver(), new Object());
		}
		this.filtered.connect(DispatchBenchmark::receive, SENDER);
		this.senderSpecific.connect(DispatchBenchmark::receive, SENDER);
		this.signalsContext = new AnnotationConfigApplicationContext();
		this.signalsContext.register(SignalsAutoConfiguration.class, ReceiverMethodBean.class);
		this.signalsContext.refresh();
		this.viaReceiverMethod = this.signalsContext.getBean(OrderPlaced.class);
		this.preparedOne = this.one.event(SENDER, "A-1", 2);
		this.preparedTen = this.ten.event(SENDER, "A-1", 2);
		this.preparedSenderSpecific = this.senderSpecific.event(SENDER, "A-1", 2);
		this.preparedReceiverMethod = this.viaReceiverMethod.event(SENDER, "A-1", 2);
		this.springContext = new AnnotationConfigApplicationContext(SpringListenerBean.class);
		this.publisher = this.springContext;
		this.eventBus.register(new GuavaSubscriber());
	}

	@TearDown
	public void tearDown() {
		this.signalsContext.close();
		this.springContext.close();
	}

	@CompilerControl(CompilerControl.Mode.DONT_INLINE)
	static Object receive(SignalEvent event) {
		return event.get("order");
	}

	/** The floor: read a published array of receivers and call each, not inlined. */
	@Benchmark
	public Object floor() {
		Object result = null;
		for (Handler handler : this.handlers) {
			result = handler.handle(EVENT);
		}
		return result;
	}

	@Benchmark
	public List<Response> send0() {
		return this.none.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> send1() {
		return this.one.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> send1Undeclared() {
		return this.undeclared.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> send1NewArguments() {
		return this.one.send(SENDER, Map.of("order", "A-1", "quantity", 2));
	}

	/**
	 * The common case: one receiver for a specific sender (Django's {@code sender=Post}),
	 * a signal that declares its arguments, the arguments built once.
	 */
	@Benchmark
	public List<Response> sendSenderSpecific1() {
		return this.senderSpecific.send(SENDER, ARGUMENTS);
	}

	/** The common case with the arguments built per send, as application code does. */
	@Benchmark
	public List<Response> sendSenderSpecific1NewArguments() {
		return this.senderSpecific.send(SENDER, Map.of("order", "A-1", "quantity", 2));
	}

	/**
	 * The common case through the fast lane: the event made by the signal once, from the
	 * values of its declared arguments.
	 */
	@Benchmark
	public List<Response> sendSenderSpecific1Prepared() {
		return this.senderSpecific.sendEvent(this.preparedSenderSpecific);
	}

	/** The fast lane with the event made per send, as application code does. */
	@Benchmark
	public List<Response> sendSenderSpecific1NewEvent() {
		return this.senderSpecific.sendEvent(this.senderSpecific.event(SENDER, "A-1", 2));
	}

	@Benchmark
	public List<Response> send1Prepared() {
		return this.one.sendEvent(this.preparedOne);
	}

	@Benchmark
	public List<Response> send10Prepared() {
		return this.ten.sendEvent(this.preparedTen);
	}

	@Benchmark
	public List<Response> receiverMethod1Prepared() {
		return this.viaReceiverMethod.sendEvent(this.preparedReceiverMethod);
	}

	@Benchmark
	public List<Response> send10() {
		return this.ten.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> sendRobust1() {
		return this.one.sendRobust(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> sendFiltered1Of101() {
		return this.filtered.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public List<Response> receiverMethod1() {
		return this.viaReceiverMethod.send(SENDER, ARGUMENTS);
	}

	@Benchmark
	public Object springPublishEvent1() {
		this.publisher.publishEvent(EVENT);
		return EVENT;
	}

	@Benchmark
	public Object guavaEventBus1() {
		this.eventBus.post(EVENT);
		return EVENT;
	}

	/** Spring with a new event per publish, as application code does. */
	@Benchmark
	public Object springPublishEvent1NewEvent() {
		OrderEvent event = new OrderEvent("A-1", 2);
		this.publisher.publishEvent(event);
		return event;
	}

	/** Guava with a new event per post, as application code does. */
	@Benchmark
	public Object guavaEventBus1NewEvent() {
		OrderEvent event = new OrderEvent("A-1", 2);
		this.eventBus.post(event);
		return event;
	}

	/** The event object of the peers' benchmarks. */
	public record OrderEvent(String order, int quantity) {
	}

	static final class Handler {

		@CompilerControl(CompilerControl.Mode.DONT_INLINE)
		Object handle(OrderEvent event) {
			return event.order();
		}

	}

	static final class CountingReceiver implements ReceiverFunction {

		@Override
		@CompilerControl(CompilerControl.Mode.DONT_INLINE)
		public Object receive(SignalEvent event) {
			return event.get("order");
		}

	}

	/** A {@code @Receiver} bean method, connected by the starter. */
	public static class ReceiverMethodBean {

		@org.springframework.context.annotation.Bean
		OrderPlaced orderPlaced() {
			return new OrderPlaced();
		}

		@Receiver(OrderPlaced.class)
		@CompilerControl(CompilerControl.Mode.DONT_INLINE)
		public String onOrder(String order) {
			return order;
		}

	}

	/** Spring's own: one {@code @EventListener}. */
	public static class SpringListenerBean {

		@EventListener
		@CompilerControl(CompilerControl.Mode.DONT_INLINE)
		public String onOrder(OrderEvent event) {
			return event.order();
		}

	}

	/** Guava's: one {@code @Subscribe} method. */
	public static class GuavaSubscriber {

		@Subscribe
		@CompilerControl(CompilerControl.Mode.DONT_INLINE)
		public void onOrder(OrderEvent event) {
			event.order();
		}

	}

}
