/**
 * Auto-configuration of durable receivers.
 */
@NullMarked
package io.signalsforspring.signals.durable.autoconfigure;

import org.jspecify.annotations.NullMarked;
