package io.signalsforspring.signals.jpa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signalsforspring.signals.ModelSignals;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.internal.DurableDeliveries;
import io.signalsforspring.signals.spring.internal.ReceiverMethodProcessor;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Connects Hibernate to the model signals: for every {@link EntityManagerFactory} bean of
 * the context, as soon as it is built (before other beans can use it), registers the
 * listeners that send {@code pre_init}, {@code post_init}, {@code pre_save},
 * {@code post_save}, {@code pre_delete}, {@code post_delete} and {@code m2m_changed}. The
 * factory's bean name is the {@code using} argument. Once the context is refreshed (and
 * {@code @Receiver} methods are connected), sends {@code class_prepared} once per entity
 * type.
 *
 * <p>
 * Infrastructure created by the auto-configuration; applications do not use it directly.
 */
public final class HibernateSignalsRegistrar
		implements BeanPostProcessor, BeanFactoryAware, ApplicationListener<ContextRefreshedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private final Set<SessionFactoryImplementor> registered = Collections.newSetFromMap(new IdentityHashMap<>());

	private final List<SessionFactoryImplementor> unannounced = new ArrayList<>();

	private @Nullable BeanFactory beanFactory;

	private final boolean beforeCommitFlush;

	/**
	 * Create the registrar.
	 * @param beforeCommitFlush whether sessions that did work are flushed at the start of
	 * the before-commit phase, so that {@code BEFORE_COMMIT} receivers see the signals of
	 * what the commit would flush (only while such a receiver of a model signal is
	 * connected)
	 */
	public HibernateSignalsRegistrar(boolean beforeCommitFlush) {
		this.beforeCommitFlush = beforeCommitFlush;
	}

	private @Nullable ModelSignalSet signals;

	private volatile @Nullable FlushNeeds needs;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = beanFactory;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof EntityManagerFactory factory) {
			register(factory.unwrap(SessionFactoryImplementor.class), beanName);
		}
		return bean;
	}

	private synchronized void register(SessionFactoryImplementor sessionFactory, String using) {
		if (!this.registered.add(sessionFactory)) {
			return;
		}
		ModelSignalSet set = signals();
		EventListenerRegistry listeners = sessionFactory.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		SessionSignals sessions = new SessionSignals();
		EntityEventListener entities = new EntityEventListener(set, using, sessions);
		listeners.appendListeners(EventType.PRE_LOAD, entities);
		listeners.appendListeners(EventType.POST_LOAD, entities);
		listeners.appendListeners(EventType.PRE_INSERT, entities);
		listeners.appendListeners(EventType.PRE_UPDATE, entities);
		listeners.appendListeners(EventType.POST_INSERT, entities);
		listeners.appendListeners(EventType.POST_UPDATE, entities);
		listeners.appendListeners(EventType.PRE_DELETE, entities);
		listeners.appendListeners(EventType.POST_DELETE, entities);
		listeners.prependListeners(EventType.FLUSH_ENTITY, new PreSaveOnFlush(set, using, sessions));
		PreDeleteOnRemove removes = new PreDeleteOnRemove(set, using, sessions);
		WriteGuard guard = new WriteGuard(sessions);
		listeners.prependListeners(EventType.PERSIST, guard);
		listeners.prependListeners(EventType.MERGE, guard);
		listeners.prependListeners(EventType.FLUSH, guard);
		listeners.prependListeners(EventType.DELETE, removes.start());
		listeners.prependListeners(EventType.DELETE, guard);
		listeners.appendListeners(EventType.DELETE, removes.end());
		SafePoints safePoints = new SafePoints(sessions);
		listeners.appendListeners(EventType.PERSIST, safePoints);
		listeners.appendListeners(EventType.MERGE, safePoints);
		listeners.appendListeners(EventType.FLUSH, safePoints);
		listeners.appendListeners(EventType.AUTO_FLUSH, safePoints);
		ManyToManyListener collections = new ManyToManyListener(set, using, sessions);
		listeners.appendListeners(EventType.PRE_COLLECTION_UPDATE, collections);
		listeners.appendListeners(EventType.PRE_COLLECTION_RECREATE, collections);
		listeners.appendListeners(EventType.PRE_COLLECTION_REMOVE, collections);
		if (this.beforeCommitFlush
				&& ClassUtils.isPresent("org.springframework.transaction.support.TransactionSynchronizationManager",
						HibernateSignalsRegistrar.class.getClassLoader())) {
			SessionActivityListener activity = new SessionActivityListener(() -> hasBeforeCommitReceivers(set));
			listeners.appendListeners(EventType.POST_LOAD, activity);
			listeners.appendListeners(EventType.PERSIST, activity);
			listeners.appendListeners(EventType.MERGE, activity);
			listeners.appendListeners(EventType.DELETE, activity);
		}
		this.unannounced.add(sessionFactory);
		logger.debug("Model signals connected to Hibernate for '{}'", using);
	}

	/**
	 * Whether a {@code BEFORE_COMMIT} or durable receiver listens to a model signal that
	 * a flush can send, which is what the before-commit flush is for: both must see the
	 * signals of what the commit flushes before the commit. The two beans that know are
	 * looked up once.
	 */
	private boolean hasBeforeCommitReceivers(ModelSignalSet set) {
		FlushNeeds needs = this.needs;
		if (needs == null) {
			BeanFactory beans = this.beanFactory;
			if (beans == null) {
				return false;
			}
			needs = new FlushNeeds(beans.getBeanProvider(ReceiverMethodProcessor.class).getIfAvailable(),
					beans.getBeanProvider(DurableDeliveries.class).getIfAvailable());
			this.needs = needs;
		}
		for (Signal signal : set.sentByFlush()) {
			if (needs.of(signal)) {
				return true;
			}
		}
		return false;
	}

	/** Who knows which signals have receivers that wait for the commit. */
	private record FlushNeeds(@Nullable ReceiverMethodProcessor beforeCommit, @Nullable DurableDeliveries durable) {

		boolean of(Signal signal) {
			return (this.beforeCommit != null && this.beforeCommit.hasBeforeCommitReceivers(signal))
					|| (this.durable != null && this.durable.hasReceivers(signal));
		}

	}

	private ModelSignalSet signals() {
		if (this.signals == null) {
			BeanFactory beans = this.beanFactory;
			Assert.state(beans != null, "No BeanFactory");
			this.signals = new ModelSignalSet(beans.getBean(ModelSignals.PreInit.class),
					beans.getBean(ModelSignals.PostInit.class), beans.getBean(ModelSignals.PreSave.class),
					beans.getBean(ModelSignals.PostSave.class), beans.getBean(ModelSignals.PreDelete.class),
					beans.getBean(ModelSignals.PostDelete.class), beans.getBean(ModelSignals.M2mChanged.class),
					beans.getBean(ModelSignals.ClassPrepared.class));
		}
		return this.signals;
	}

	/**
	 * Send {@code class_prepared} for the entity types of factories registered since the
	 * last refresh.
	 */
	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		List<SessionFactoryImplementor> factories;
		synchronized (this) {
			factories = List.copyOf(this.unannounced);
			this.unannounced.clear();
		}
		for (SessionFactoryImplementor factory : factories) {
			ModelSignals.ClassPrepared classPrepared = signals().classPrepared();
			factory.getMappingMetamodel().forEachEntityDescriptor((persister) -> {
				Class<?> type = persister.getMappedClass();
				if (classPrepared.hasListeners(type)) {
					classPrepared.send(type, Map.of());
				}
			});
		}
	}

}
