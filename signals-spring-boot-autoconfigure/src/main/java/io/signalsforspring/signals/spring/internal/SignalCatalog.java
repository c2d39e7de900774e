package io.signalsforspring.signals.spring.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.signalsforspring.signals.ReceiverObserver;
import io.signalsforspring.signals.Signal;
import org.jspecify.annotations.Nullable;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The signals of an application context: every {@link Signal} bean, and every signal held
 * as a constant that a {@link Receiver @Receiver} method names. Adds the context's
 * {@link ReceiverObserver} beans (metrics, tracing, statistics) to each of them, once the
 * context's singletons exist; signals found later get them at once.
 *
 * <p>
 * Infrastructure created by the auto-configuration; applications do not use it directly.
 */
public final class SignalCatalog implements BeanPostProcessor, SmartInitializingSingleton, DisposableBean {

	private final ObjectProvider<ReceiverObserver> observers;

	private final Set<Signal> signals = Collections.newSetFromMap(new IdentityHashMap<>());

	private @Nullable List<ReceiverObserver> ready;

	/**
	 * Create a catalog.
	 * @param observers the observers to add to every signal
	 */
	public SignalCatalog(ObjectProvider<ReceiverObserver> observers) {
		this.observers = observers;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof Signal signal) {
			add(signal);
		}
		return bean;
	}

	/**
	 * Add a signal, and the observers if they are known already.
	 * @param signal the signal
	 */
	public synchronized void add(Signal signal) {
		List<ReceiverObserver> known = this.ready;
		if (this.signals.add(signal) && known != null) {
			known.forEach(signal::addObserver);
		}
	}

	@Override
	public synchronized void afterSingletonsInstantiated() {
		List<ReceiverObserver> known = this.observers.orderedStream().toList();
		this.ready = known;
		for (Signal signal : this.signals) {
			known.forEach(signal::addObserver);
		}
	}

	/**
	 * Remove the observers this catalog added: a signal may outlive the context (a
	 * {@code static final} constant, a signal shared with a parent context), and must not
	 * keep reporting to the meters and statistics of a closed one.
	 */
	@Override
	public synchronized void destroy() {
		List<ReceiverObserver> known = this.ready;
		if (known != null) {
			for (Signal signal : this.signals) {
				known.forEach(signal::removeObserver);
			}
		}
		this.signals.clear();
	}

	/**
	 * Return the signals, sorted by name.
	 * @return the signals
	 */
	public synchronized List<Signal> signals() {
		List<Signal> sorted = new ArrayList<>(this.signals);
		sorted.sort(Comparator.comparing(Signal::name));
		return sorted;
	}

}
