/**
 * Test support for signals: capture what was sent and assert on it
 * ({@link io.signalsforspring.signals.test.CapturedSignals}), mute signals for a test or
 * a block, and wait for asynchronous and after-commit receivers
 * ({@link io.signalsforspring.signals.test.SignalsTesting}). With JUnit and Spring's test
 * context, {@link io.signalsforspring.signals.test.CaptureSignals @CaptureSignals} and
 * {@link io.signalsforspring.signals.test.MuteSignals @MuteSignals} do it per test.
 */
@NullMarked
package io.signalsforspring.signals.test;

import org.jspecify.annotations.NullMarked;
