/**
 * Receivers that run in every instance of an application: broadcasts over RabbitMQ or
 * Kafka, published through the durable outbox. Created by the auto-configuration; the
 * types here may change in any release.
 */
@NullMarked
package io.signalsforspring.signals.cluster;

import org.jspecify.annotations.NullMarked;
