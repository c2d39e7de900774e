/**
 * Django's authentication signals from Spring Security's events.
 */
@NullMarked
package io.signalsforspring.signals.spring.security;

import org.jspecify.annotations.NullMarked;
