package io.signalsforspring.signals.spring;

/**
 * Where a receiver runs when the application runs as several instances.
 */
public enum Cluster {

	/**
	 * Only in the instance that sent the signal (the default, as in Django).
	 */
	LOCAL,

	/**
	 * In exactly one instance, whichever claims the delivery: a durable receiver
	 * ({@link Receiver#durable()}), recorded with the transaction and retried.
	 */
	ONE_INSTANCE,

	/**
	 * In every running instance, the sender included, once per signal: a broadcast,
	 * published to the broker after the commit through the durable outbox (so a broker
	 * outage delays it and a rollback publishes nothing). For work every instance must
	 * do, such as evicting a local cache. Needs a broker (RabbitMQ) and durable delivery.
	 */
	EVERY_INSTANCE

}
