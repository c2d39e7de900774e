package io.signalsforspring.signals.spring.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.expression.Expression;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link Receiver @Receiver} methods on the singleton beans of an application
 * context once all of them exist (Django's {@code AppConfig.ready()}), checks them, and
 * connects them to their signals in order; disconnects a bean's receivers when the bean
 * is destroyed.
 *
 * <p>
 * Methods are found on the bean's target class, so beans behind AOP proxies (for example
 * {@code @Transactional} services) are called through the proxy, exactly once. A bad
 * declaration fails start-up with a {@link BeanInitializationException} naming the bean,
 * the method and what is wrong.
 *
 * <p>
 * Infrastructure created by the auto-configuration; applications do not use it directly.
 */
public final class ReceiverMethodProcessor
		implements SmartInitializingSingleton, DestructionAwareBeanPostProcessor, BeanFactoryAware, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(Signal.LOGGER_NAME);

	private final ObjectProvider<ReceiverScheduler> scheduler;

	private final ObjectProvider<SignalCatalog> catalog;

	private final ObjectProvider<DurableDeliveries> durableDeliveries;

	private final ObjectProvider<BroadcastDeliveries> broadcastDeliveries;

	private @Nullable ReceiverConditions conditions;

	private final Set<Class<?>> withoutReceivers = ConcurrentHashMap.newKeySet();

	private final Map<String, List<Connection>> connections = new ConcurrentHashMap<>();

	private final Set<Signal> withBeforeCommitReceivers = ConcurrentHashMap.newKeySet();

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * Create a processor.
	 * @param scheduler the scheduler of deferred and asynchronous receivers, looked up
	 * when receivers are connected
	 * @param catalog the catalog that learns of the signals receivers name, if any
	 * @param durableDeliveries the durable delivery engine, if configured
	 * @param broadcastDeliveries the broker that carries receivers that run in every
	 * instance, if configured
	 */
	public ReceiverMethodProcessor(ObjectProvider<ReceiverScheduler> scheduler, ObjectProvider<SignalCatalog> catalog,
			ObjectProvider<DurableDeliveries> durableDeliveries,
			ObjectProvider<BroadcastDeliveries> broadcastDeliveries) {
		this.scheduler = scheduler;
		this.catalog = catalog;
		this.durableDeliveries = durableDeliveries;
		this.broadcastDeliveries = broadcastDeliveries;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	private ConfigurableListableBeanFactory beanFactory() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No BeanFactory");
		return factory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = beanFactory();
		List<Candidate> candidates = new ArrayList<>();
		for (String beanName : factory.getBeanNamesForType(Object.class, false, true)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = AutoProxyUtils.determineTargetClass(factory, beanName);
			if (type == null || this.withoutReceivers.contains(type)) {
				continue;
			}
			Map<Method, Receiver> annotated = ReceiverMethods.of(type);
			if (annotated.isEmpty()) {
				this.withoutReceivers.add(type);
				continue;
			}
			Object bean = factory.getBean(beanName);
			annotated.forEach((method, annotation) -> candidates.addAll(prepare(beanName, bean, method, annotation)));
		}
		candidates.sort(Comparator.comparingInt(Candidate::order));
		for (Candidate candidate : candidates) {
			Connection connection = candidate.receiver.signal()
				.connect(candidate.receiver, candidate.sender, false, candidate.uid);
			this.connections.computeIfAbsent(candidate.beanName, (name) -> new ArrayList<>()).add(connection);
			if (candidate.receiver.phase() == Phase.BEFORE_COMMIT) {
				this.withBeforeCommitReceivers.add(candidate.receiver.signal());
			}
		}
		if (!candidates.isEmpty()) {
			logger.info("{} receivers on {} signals", candidates.size(),
					candidates.stream().map((candidate) -> candidate.receiver.signal()).distinct().count());
		}
	}

	private List<Candidate> prepare(String beanName, Object bean, Method method, Receiver annotation) {
		String name = beanName + "#" + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
		try {
			if (annotation.signal().length == 0) {
				throw new IllegalStateException("@Receiver names no signal");
			}
			Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
			Expression condition = conditions().parse(annotation.condition(), method, AopUtils.getTargetClass(bean));
			int order = order(bean, method);
			String contextKey = Integer.toHexString(System.identityHashCode(this.beanFactory));
			List<Candidate> prepared = new ArrayList<>();
			for (Class<? extends Signal> signalType : annotation.signal()) {
				Signal signal = SignalResolver.resolve(beanFactory(), signalType);
				this.catalog.ifAvailable((known) -> known.add(signal));
				MethodReceiver.Durability durability = durability(annotation, name);
				ParameterBinding[] bindings = ParameterBinding.plan(method, signal, annotation.sender(),
						durability != null);
				ReceiverDescription description = new ReceiverDescription(name, beanName, method.getName(),
						annotation.phase(), annotation.async(),
						annotation.durable() || annotation.cluster() != Cluster.LOCAL, cluster(annotation), order,
						(condition != null) ? annotation.condition() : null);
				MethodReceiver receiver = new MethodReceiver(bean, invocable, signal, bindings, condition, conditions(),
						annotation.phase(), annotation.async(), this.scheduler.getObject(), description, durability,
						List.of(annotation.sender()));
				if (durability != null && durability.broadcasts() != null) {
					durability.broadcasts().register(receiver);
				}
				else if (durability != null) {
					durability.deliveries().register(receiver);
				}
				String uid = contextKey + ":" + name;
				if (annotation.sender().length == 0) {
					prepared.add(new Candidate(beanName, receiver, null, uid, order));
				}
				for (Class<?> sender : annotation.sender()) {
					prepared.add(new Candidate(beanName, receiver, sender, uid, order));
				}
			}
			return prepared;
		}
		catch (RuntimeException ex) {
			throw new BeanInitializationException("Invalid @Receiver method " + method.getName() + " of bean '"
					+ beanName + "' (" + method.toGenericString() + "): " + ex.getMessage(), ex);
		}
	}

	private static Cluster cluster(Receiver annotation) {
		return (annotation.durable() && annotation.cluster() == Cluster.LOCAL) ? Cluster.ONE_INSTANCE
				: annotation.cluster();
	}

	private MethodReceiver.@Nullable Durability durability(Receiver annotation, String name) {
		Cluster cluster = annotation.cluster();
		if (!annotation.durable() && cluster == Cluster.LOCAL) {
			return null;
		}
		String declared = (cluster == Cluster.LOCAL) ? "durable = true" : "cluster = " + cluster;
		if (annotation.phase() != Phase.AFTER_COMMIT) {
			throw new IllegalStateException(declared + " needs phase = AFTER_COMMIT (a durable delivery is "
					+ "recorded with the sending transaction and runs once it has committed), not "
					+ annotation.phase());
		}
		BroadcastDeliveries broadcasts = null;
		if (cluster == Cluster.EVERY_INSTANCE) {
			broadcasts = this.broadcastDeliveries.getIfAvailable();
			if (broadcasts == null) {
				logger.warn("{} runs in every instance (cluster = EVERY_INSTANCE), but no broker carries broadcasts: "
						+ "it runs after commit in this instance only. Point Spring Boot at RabbitMQ "
						+ "(spring-boot-starter-amqp and spring.rabbitmq.host) or Kafka (spring-boot-starter-kafka and "
						+ "spring.kafka.bootstrap-servers); broadcasts also need durable delivery (a DataSource)",
						name);
				return null;
			}
		}
		DurableDeliveries deliveries = this.durableDeliveries.getIfAvailable();
		if (deliveries == null) {
			throw new IllegalStateException("durable = true needs durable delivery, which is configured when "
					+ "db-scheduler (com.github.kagkarlsson:db-scheduler, which the starter brings) and Jackson "
					+ "(tools.jackson.core:jackson-databind) are on the class path, the application has a DataSource, "
					+ "and signals.durable.enabled is not false");
		}
		return new MethodReceiver.Durability(deliveries, annotation.maxAttempts(), annotation.firstRetryDelay(),
				annotation.maxRetryDelay(), broadcasts);
	}

	private ReceiverConditions conditions() {
		if (this.conditions == null) {
			this.conditions = new ReceiverConditions(beanFactory());
		}
		return this.conditions;
	}

	private static int order(Object bean, Method method) {
		Order onMethod = AnnotatedElementUtils.findMergedAnnotation(method, Order.class);
		if (onMethod != null) {
			return onMethod.value();
		}
		if (bean instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		return OrderUtils.getOrder(ClassUtils.getUserClass(AopUtils.getTargetClass(bean)), Ordered.LOWEST_PRECEDENCE);
	}

	/**
	 * Return whether a {@code @Receiver} method of this context has been connected to the
	 * signal in {@link Phase#BEFORE_COMMIT} (receivers connected in code run
	 * immediately). Side effects that serve only such receivers, like the bridge's
	 * before-commit flush, ask this.
	 * @param signal the signal
	 * @return {@code true} once such a receiver was connected
	 */
	public boolean hasBeforeCommitReceivers(Signal signal) {
		return this.withBeforeCommitReceivers.contains(signal);
	}

	@Override
	public void postProcessBeforeDestruction(Object bean, String beanName) {
		disconnect(beanName);
	}

	/**
	 * Whether a bean may have connected receivers, answered from the types known to have
	 * none, so that beans are not introspected again for their destruction.
	 */
	@Override
	public boolean requiresDestruction(Object bean) {
		Class<?> type = AopUtils.getTargetClass(bean);
		if (this.withoutReceivers.contains(type)) {
			return false;
		}
		if (ReceiverMethods.of(type).isEmpty()) {
			this.withoutReceivers.add(type);
			return false;
		}
		return true;
	}

	@Override
	public void destroy() {
		List.copyOf(this.connections.keySet()).forEach(this::disconnect);
	}

	private void disconnect(String beanName) {
		List<Connection> connected = this.connections.remove(beanName);
		if (connected != null) {
			connected.forEach(Connection::disconnect);
		}
	}

	private record Candidate(String beanName, MethodReceiver receiver, @Nullable Class<?> sender, String uid,
			int order) {

	}

}
