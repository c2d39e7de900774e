/**
 * Django's connection_created from the connection pool.
 */
@NullMarked
package io.signalsforspring.signals.spring.jdbc;

import org.jspecify.annotations.NullMarked;
