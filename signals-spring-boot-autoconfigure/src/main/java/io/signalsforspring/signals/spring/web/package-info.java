/**
 * Django's request signals for Spring MVC servlet applications.
 */
@NullMarked
package io.signalsforspring.signals.spring.web;

import org.jspecify.annotations.NullMarked;
