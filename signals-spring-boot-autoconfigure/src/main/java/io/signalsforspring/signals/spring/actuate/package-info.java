/**
 * The {@code signals} actuator endpoint.
 */
@NullMarked
package io.signalsforspring.signals.spring.actuate;

import org.jspecify.annotations.NullMarked;
