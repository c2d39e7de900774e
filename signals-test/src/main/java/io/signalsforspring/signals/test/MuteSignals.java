package io.signalsforspring.signals.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.signalsforspring.signals.Signal;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mutes signals of the Spring test context for each test of the annotated class, or for
 * the annotated test method, and un-mutes them afterwards (factory_boy's
 * {@code mute_signals}). Receivers stay connected; they are just not called.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SignalsExtension.class)
public @interface MuteSignals {

	/**
	 * The signal types to mute.
	 * @return the types
	 */
	Class<? extends Signal>[] value() default {};

	/**
	 * Whether to mute every model signal ({@code pre_init} to {@code m2m_changed}).
	 * @return whether to mute the model signals
	 */
	boolean modelSignals() default false;

}
