/**
 * Django's migration signals from Flyway.
 */
@NullMarked
package io.signalsforspring.signals.spring.flyway;

import org.jspecify.annotations.NullMarked;
