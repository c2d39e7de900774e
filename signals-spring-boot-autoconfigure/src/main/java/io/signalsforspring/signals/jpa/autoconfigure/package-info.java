/**
 * Auto-configuration of the Hibernate bridge.
 */
@NullMarked
package io.signalsforspring.signals.jpa.autoconfigure;

import org.jspecify.annotations.NullMarked;
