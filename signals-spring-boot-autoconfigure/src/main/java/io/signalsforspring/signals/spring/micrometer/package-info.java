/**
 * Metrics and tracing of receivers with Micrometer.
 */
@NullMarked
package io.signalsforspring.signals.spring.micrometer;

import org.jspecify.annotations.NullMarked;
