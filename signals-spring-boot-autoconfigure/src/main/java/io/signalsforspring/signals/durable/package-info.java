/**
 * Durable receivers: deliveries recorded in the application's database with the sending
 * transaction, attempted after the commit, retried with backoff, taken over from dead
 * instances, and kept as failed after the last attempt. The engine is db-scheduler. The
 * types here are created by the auto-configuration and may change in any release.
 */
@NullMarked
package io.signalsforspring.signals.durable;

import org.jspecify.annotations.NullMarked;
