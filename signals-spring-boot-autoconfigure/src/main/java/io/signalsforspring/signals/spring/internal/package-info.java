/**
 * Machinery behind {@link io.signalsforspring.signals.spring.Receiver @Receiver}:
 * discovery, parameter binding, commit phases and asynchronous runs. Internal: the few
 * public types here exist for the auto-configuration, the Hibernate bridge and the test
 * support, and may change in any release.
 */
@NullMarked
package io.signalsforspring.signals.spring.internal;

import org.jspecify.annotations.NullMarked;
