/**
 * The Hibernate bridge: Django's model signals ({@code pre_save}, {@code post_save},
 * {@code pre_delete}, {@code post_delete}, {@code m2m_changed}, {@code pre_init},
 * {@code post_init}, {@code class_prepared}) sent from Hibernate's events for every
 * {@code EntityManagerFactory} of the application context.
 */
@NullMarked
package io.signalsforspring.signals.jpa;

import org.jspecify.annotations.NullMarked;
