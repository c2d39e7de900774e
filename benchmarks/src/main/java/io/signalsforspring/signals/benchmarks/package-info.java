/**
 * JMH benchmarks of the dispatcher, the Hibernate bridge and start-up, run by
 * {@code benchmarks/run.sh}; see {@code docs/benchmarks.md}.
 */
@NullMarked
package io.signalsforspring.signals.benchmarks;

import org.jspecify.annotations.NullMarked;
