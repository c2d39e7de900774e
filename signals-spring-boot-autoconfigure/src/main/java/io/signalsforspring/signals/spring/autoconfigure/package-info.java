/**
 * Auto-configuration of signals for Spring Boot.
 */
@NullMarked
package io.signalsforspring.signals.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
