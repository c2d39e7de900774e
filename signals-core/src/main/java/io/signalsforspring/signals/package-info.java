/**
 * Django's signal dispatcher in plain Java.
 *
 * <p>
 * A {@link io.signalsforspring.signals.Signal} is an object that application code shares.
 * Code that is interested in something <em>connects</em> a
 * {@link io.signalsforspring.signals.ReceiverFunction} to it; code where that something
 * happens <em>sends</em> the signal, and every connected receiver is called, in
 * connection order:
 *
 * <pre class="code">
 * Signal orderConfirmed = new Signal(SignalSpec.named("order_confirmed").argument("order", Order.class));
 *
 * orderConfirmed.connect(event -&gt; inventory.reserve(event.get("order", Order.class)));
 *
 * orderConfirmed.send(this, Map.of("order", order));
 * </pre>
 *
 * <p>
 * {@code send} lets the first failing receiver's exception propagate; {@code sendRobust}
 * calls every receiver and reports failures as responses. Receivers may be limited to one
 * sender, de-duplicated with a dispatch uid, bound to the lifetime of an owner object,
 * and run asynchronously. See {@code docs/core.md} for the API next to Django's.
 */
@NullMarked
package io.signalsforspring.signals;

import org.jspecify.annotations.NullMarked;
