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

}
