/**
 * Spring integration of signals:
 * {@link io.signalsforspring.signals.spring.Receiver @Receiver} bean methods, discovered
 * at context refresh (Django's {@code AppConfig.ready()}), run immediately, in a
 * transaction's commit phases, or asynchronously.
 */
@NullMarked
package io.signalsforspring.signals.spring;

import org.jspecify.annotations.NullMarked;
