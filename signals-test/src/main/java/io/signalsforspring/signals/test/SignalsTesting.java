package io.signalsforspring.signals.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.Scope;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.internal.ReceiverScheduler;
import io.signalsforspring.signals.spring.internal.SignalCatalog;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Test helpers that work on an application context's signals: capture all of them, mute
 * some (factory_boy's {@code mute_signals}, without touching internals), and wait for
 * asynchronous receivers instead of sleeping.
 */
public final class SignalsTesting {

	private static final List<Class<? extends Signal>> MODEL_SIGNALS = List.of(ModelSignals.PreInit.class,
			ModelSignals.PostInit.class, ModelSignals.PreSave.class, ModelSignals.PostSave.class,
			ModelSignals.PreDelete.class, ModelSignals.PostDelete.class, ModelSignals.M2mChanged.class);

	private SignalsTesting() {
	}

	/**
	 * Return every signal of the context: the signal beans and the constants receivers
	 * name.
	 * @param context the application context
	 * @return the signals
	 */
	public static List<Signal> signals(ApplicationContext context) {
		SignalCatalog catalog = context.getBeanProvider(SignalCatalog.class).getIfAvailable();
		return (catalog != null) ? catalog.signals() : List.copyOf(context.getBeansOfType(Signal.class).values());
	}

	/**
	 * Start capturing every signal of the context.
	 * @param context the application context
	 * @return the capture, to close when done
	 */
	public static CapturedSignals capture(ApplicationContext context) {
		return CapturedSignals.capture(signals(context));
	}

	/**
	 * Mute signals of the context until the scope is closed: their receivers are not
	 * called, and they stay connected.
	 * @param context the application context
	 * @param types the signal types
	 * @return the scope that un-mutes them
	 */
	@SafeVarargs
	public static Scope mute(ApplicationContext context, Class<? extends Signal>... types) {
		return mute(context, List.of(types));
	}

	private static Scope mute(ApplicationContext context, List<Class<? extends Signal>> types) {
		List<Scope> mutings = new ArrayList<>();
		for (Signal signal : signals(context)) {
			for (Class<? extends Signal> type : types) {
				if (type.isInstance(signal)) {
					mutings.add(signal.muted());
				}
			}
		}
		return () -> mutings.forEach(Scope::close);
	}

	/**
	 * Mute every model signal ({@code pre_init} to {@code m2m_changed}) until the scope
	 * is closed, as factory_boy's {@code mute_signals} is used to create data without
	 * side effects.
	 * @param context the application context
	 * @return the scope that un-mutes them
	 */
	public static Scope muteModelSignals(ApplicationContext context) {
		return mute(context, MODEL_SIGNALS);
	}

	/**
	 * Wait until no asynchronous receiver is queued or running, and no durable delivery
	 * is pending. After-commit receivers that are neither asynchronous nor durable have
	 * already run when the committing call returns. Durable deliveries that failed for
	 * good (or were quarantined) are not waited for.
	 * @param context the application context
	 * @param timeout how long to wait at most
	 * @throws AssertionError if receivers are still running after the timeout
	 */
	public static void awaitReceivers(ApplicationContext context, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		ReceiverScheduler scheduler = context.getBean(ReceiverScheduler.class);
		if (!scheduler.awaitIdle(timeout)) {
			throw new AssertionError("Asynchronous receivers were still running after " + timeout);
		}
		if (ClassUtils.isPresent("io.signalsforspring.signals.durable.DeliveryOperations",
				SignalsTesting.class.getClassLoader())) {
			PendingDeliveries.await(context, deadline, timeout);
		}
	}

}
