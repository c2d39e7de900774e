/**
 * Auto-configuration of receivers that run in every instance.
 */
@NullMarked
package io.signalsforspring.signals.cluster.autoconfigure;

import org.jspecify.annotations.NullMarked;
