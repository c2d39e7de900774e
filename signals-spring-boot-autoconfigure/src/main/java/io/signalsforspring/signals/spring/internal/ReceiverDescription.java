package io.signalsforspring.signals.spring.internal;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.spring.Cluster;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

/**
 * How a connected receiver is described in metrics, logs and the {@code signals} actuator
 * endpoint: a {@link Receiver @Receiver} method with its bean, method, phase, async flag,
 * order and condition; any other receiver by what it is.
 *
 * @param receiver {@code bean#method(parameter types)}, or the receiver's description
 * @param bean the bean's name, for a receiver method
 * @param method the method's name, for a receiver method
 * @param phase the phase, for a receiver method (others run immediately)
 * @param async whether it runs on the signals executor
 * @param durable whether its deliveries are recorded, retried and survive restarts
 * @param cluster where it runs when the application runs as several instances
 * @param order its {@code @Order}, for a receiver method
 * @param condition its SpEL condition, if any
 */
public record ReceiverDescription(String receiver, @Nullable String bean, @Nullable String method, Phase phase,
		boolean async, boolean durable, Cluster cluster, @Nullable Integer order, @Nullable String condition) {

	/**
	 * Describe a connection.
	 * @param connection the connection
	 * @return its description
	 */
	public static ReceiverDescription of(Connection connection) {
		if (connection.receiver() instanceof MethodReceiver method) {
			return method.description();
		}
		String name = connection.toString();
		int uid = name.indexOf(" [uid ");
		return new ReceiverDescription((uid > 0) ? name.substring(0, uid) : name, null, null, Phase.IMMEDIATE, false,
				false, Cluster.LOCAL, null, null);
	}

}
