package io.signalsforspring.signals.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.signalsforspring.signals.Signal;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a bridge with a global side effect (a filter on every request, a callback
 * on every migration, a connection source in every pool) is wanted: when its property is
 * {@code true}, or when the property is unset and a bean of the application declares a
 * {@code @Receiver} method of one of its signals. {@code false} turns it off.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnReceiversCondition.class)
@interface ConditionalOnReceivers {

	/**
	 * The property that turns the bridge on or off.
	 * @return the property's name
	 */
	String property();

	/**
	 * The signals the bridge sends.
	 * @return the signal types
	 */
	Class<? extends Signal>[] signals();

}
