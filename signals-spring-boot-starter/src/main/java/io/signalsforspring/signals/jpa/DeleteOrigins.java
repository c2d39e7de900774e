package io.signalsforspring.signals.jpa;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.WeakHashMap;

import org.hibernate.Hibernate;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;

/**
 * Remembers, for each entity a session deletes, the entity whose deletion started it:
 * Django's {@code origin}. Hibernate deletes in two steps: {@code remove()} (and the
 * cascades it triggers, synchronously) marks entities deleted; the DELETE statements, and
 * the pre- and post-delete events, come at flush. So the origin is recorded when
 * {@code remove()} runs and read back at flush.
 *
 * <p>
 * A top-level {@code remove()} reaches delete listeners through their one-argument
 * method; the deletions it cascades to, through the two-argument one, while the top-level
 * call is still in progress. {@link #start()} is prepended to Hibernate's own listener
 * and {@link #end()} appended, so between them lies exactly the top-level call and its
 * cascades. An orphan removed at flush is its own origin.
 */
final class DeleteOrigins {

	/** Per session (weakly), per entity (by identity): the origin. */
	private final Map<Object, Map<Object, Object>> origins = Collections.synchronizedMap(new WeakHashMap<>());

	private final ThreadLocal<Object> topLevel = new ThreadLocal<>();

	Object originOf(Object session, Object entity) {
		Map<Object, Object> bySession = this.origins.get(session);
		Object origin = (bySession != null) ? bySession.get(entity) : null;
		return (origin != null) ? origin : entity;
	}

	void forget(Object session, Object entity) {
		Map<Object, Object> bySession = this.origins.get(session);
		if (bySession != null) {
			bySession.remove(entity);
		}
	}

	private void record(Object session, Object entity, Object origin) {
		this.origins.computeIfAbsent(session, (key) -> new IdentityHashMap<>()).put(entity, origin);
	}

	DeleteEventListener start() {
		return new Start();
	}

	DeleteEventListener end() {
		return new End();
	}

	private final class Start implements DeleteEventListener {

		@Override
		public void onDelete(DeleteEvent event) {
			Object entity = Hibernate.unproxy(event.getObject());
			DeleteOrigins.this.topLevel.set(entity);
			record(event.getSession(), entity, entity);
		}

		@Override
		public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
			Object entity = Hibernate.unproxy(event.getObject());
			Object origin = DeleteOrigins.this.topLevel.get();
			record(event.getSession(), entity, (origin != null) ? origin : entity);
		}

	}

	private final class End implements DeleteEventListener {

		@Override
		public void onDelete(DeleteEvent event) {
			DeleteOrigins.this.topLevel.remove();
		}

		@Override
		public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
		}

	}

}
