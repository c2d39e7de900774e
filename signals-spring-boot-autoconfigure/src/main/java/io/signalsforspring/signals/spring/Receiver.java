package io.signalsforspring.signals.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.spring.internal.ReceiverReflectiveProcessor;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.core.annotation.AliasFor;

/**
 * Marks a bean method as a receiver of one or more signals: Django's
 * {@code @receiver(post_save, sender=Post)}.
 *
 * <pre class="code">
 * &#64;Receiver(signal = PostSave.class, sender = Post.class, phase = Phase.AFTER_COMMIT, async = true)
 * void notifySubscribers(Post instance, boolean created) { ... }
 * </pre>
 *
 * <p>
 * The method is connected once, when the application context has created its singletons,
 * and disconnected when its bean is destroyed. Its parameters are bound from the signal:
 * by argument name ({@code update_fields} binds to {@code updateFields} too), a parameter
 * named {@code sender} to the sender, a {@code SignalEvent} or {@code Signal} parameter
 * by type, a {@code Map} parameter that matches no argument name to all arguments
 * (Django's {@code **kwargs}), and otherwise by type when exactly one declared argument
 * fits. A parameter that cannot be bound fails start-up naming the bean, method,
 * parameter and the signal's arguments. The return value becomes the receiver's response.
 *
 * <p>
 * May be used as a meta-annotation.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(ReceiverReflectiveProcessor.class)
public @interface Receiver {

	/**
	 * Alias for {@link #signal()}.
	 * @return the signals
	 */
	@AliasFor("signal")
	Class<? extends Signal>[] value() default {};

	/**
	 * The signals to receive, by type: a bean of that type in the context, or else the
	 * {@code public static final} field of that type that the class declares. A type that
	 * resolves to neither, or to several beans, fails start-up.
	 * @return the signals
	 */
	@AliasFor("value")
	Class<? extends Signal>[] signal() default {};

	/**
	 * The senders to receive from; empty for every sender. A class sender matches that
	 * exact class.
	 * @return the senders
	 */
	Class<?>[] sender() default {};

	/**
	 * When the receiver runs relative to the sender's transaction.
	 * @return the phase
	 */
	Phase phase() default Phase.IMMEDIATE;

	/**
	 * Whether the receiver runs on the signals task executor instead of the sending
	 * thread (once its phase is reached). Failures go to the
	 * {@link ReceiverErrorHandler}.
	 * @return whether asynchronous
	 */
	boolean async() default false;

	/**
	 * A SpEL condition that must be {@code true} for the receiver to run, evaluated when
	 * it would run. Variables: every argument (by its name and in camelCase),
	 * {@code #sender}, {@code #signal} and {@code #event}; beans as {@code @name}.
	 * @return the condition, empty for none
	 */
	String condition() default "";

	/**
	 * Whether deliveries survive a failure, a crash or a restart: each one is recorded in
	 * the application's database in the sending transaction, attempted right after the
	 * commit, retried with backoff until it succeeds or runs out of attempts, and then
	 * kept as failed. Only {@link Phase#AFTER_COMMIT} receivers can be durable. Needs
	 * db-scheduler and a {@code DataSource}; see the durable delivery docs.
	 * @return whether durable
	 */
	boolean durable() default false;

	/**
	 * Where the receiver runs when the application runs as several instances:
	 * {@link Cluster#LOCAL} (the default), {@link Cluster#ONE_INSTANCE} (the same as
	 * {@code durable = true}) or {@link Cluster#EVERY_INSTANCE} (a broadcast over the
	 * broker, after the commit). Only after-commit receivers can be clustered.
	 * @return where it runs
	 */
	Cluster cluster() default Cluster.LOCAL;

	/**
	 * For a durable receiver, how many attempts a delivery gets before it is kept as
	 * failed; {@code -1} for {@code signals.durable.max-attempts}.
	 * @return the maximum number of attempts
	 */
	int maxAttempts() default -1;

	/**
	 * For a durable receiver, the delay before the first retry (a duration such as
	 * {@code "2s"}), doubled at each further retry up to {@link #maxRetryDelay()}; empty
	 * for {@code signals.durable.first-retry-delay}.
	 * @return the first retry delay
	 */
	String firstRetryDelay() default "";

	/**
	 * For a durable receiver, the longest delay between two attempts (a duration such as
	 * {@code "30s"}); empty for {@code signals.durable.max-retry-delay}.
	 * @return the maximum retry delay
	 */
	String maxRetryDelay() default "";

}
