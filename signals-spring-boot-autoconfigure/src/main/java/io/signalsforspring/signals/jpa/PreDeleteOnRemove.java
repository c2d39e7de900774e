package io.signalsforspring.signals.jpa;

import org.hibernate.Hibernate;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.EventSource;

/**
 * Sends {@code pre_delete} when {@code remove()} is called, before Hibernate marks the
 * entity deleted and queues its DELETE, as Django sends it from {@code delete()} before
 * any SQL: a receiver may still remove the rows that reference the entity, and their
 * DELETEs run first. As in Django, the entities the removal cascades to are sent theirs
 * first, the deepest first ({@link RemovalCascade}), then the removed entity: a book with
 * two pages sends pre(Page), pre(Page), pre(Book), and later post(Page), post(Page),
 * post(Book). An exception from a receiver propagates from {@code remove()} and nothing
 * is removed.
 *
 * <p>
 * Also remembers Django's {@code origin}: a top-level {@code remove()} reaches delete
 * listeners through their one-argument method, the removals it cascades to through the
 * two-argument one while the top-level call is still under way. {@link #start()} is
 * prepended to Hibernate's own listener and {@link #end()} appended, so between them lies
 * exactly the top-level call and its cascades. A removal that cascades is sent its
 * {@code pre_delete} before its own cascades, with auto-flush off (Hibernate cannot flush
 * in a cascade). An orphan removed at flush is its own origin; its {@code pre_delete}
 * runs inside the flush and is guarded like {@code pre_save}.
 */
final class PreDeleteOnRemove {

	private final ModelSignalSet signals;

	private final String using;

	private final SessionSignals sessions;

	PreDeleteOnRemove(ModelSignalSet signals, String using, SessionSignals sessions) {
		this.signals = signals;
		this.using = using;
		this.sessions = sessions;
	}

	DeleteEventListener start() {
		return new Start();
	}

	DeleteEventListener end() {
		return new End();
	}

	private void removing(DeleteEvent event, boolean topLevel) {
		EventSource session = event.getSession();
		Object entity = Hibernate.unproxy(event.getObject());
		Object origin = topLevel ? entity : this.sessions.currentRemove(session);
		if (topLevel) {
			this.sessions.enterRemove(session, entity);
		}
		PersistenceContext context = session.getPersistenceContextInternal();
		EntityEntry entry = context.getEntry(entity);
		if (entry == null || entry.getStatus() != Status.MANAGED || this.sessions.isRemoving(session, entity)) {
			return;
		}
		if (topLevel && !context.isFlushing() && !this.signals.preDelete().connections().isEmpty()) {
			// Django's order: the dependents' pre_delete first, the deepest first
			for (Object dependent : RemovalCascade.dependents(session, entity, entry.getPersister())) {
				EntityEntry dependentEntry = context.getEntry(dependent);
				if (dependentEntry != null && !this.sessions.isRemoving(session, dependent)) {
					announce(session, context, dependent, dependentEntry, entity);
				}
			}
		}
		announce(session, context, entity, entry, (origin != null) ? origin : entity);
	}

	/**
	 * Remember the entity's origin and send its {@code pre_delete}, once: a dependent
	 * announced by the top-level removal is not announced again when the removal cascades
	 * to it.
	 */
	private void announce(EventSource session, PersistenceContext context, Object entity, EntityEntry entry,
			Object origin) {
		Class<?> sender = entry.getPersister().getMappedClass();
		boolean preDelete = this.signals.preDelete().hasListeners(sender);
		if (!preDelete && !this.signals.postDelete().hasListeners(sender)) {
			return;
		}
		this.sessions.removing(session, entity, origin);
		if (!preDelete) {
			return;
		}
		var arguments = ModelArguments.delete(entity, this.using, origin);
		if (context.isFlushing()) {
			this.sessions.sendGuarded(session, this.signals.preDelete(), sender, arguments,
					"pre_delete for " + sender.getSimpleName() + " (an orphan removed by the flush)");
		}
		else if (context.getCascadeLevel() > 0) {
			this.sessions.sendWithoutAutoFlush(session, this.signals.preDelete(), sender, arguments);
		}
		else {
			this.signals.preDelete().send(sender, arguments);
		}
	}

	private final class Start implements DeleteEventListener {

		@Override
		public void onDelete(DeleteEvent event) {
			removing(event, true);
		}

		@Override
		public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
			removing(event, false);
		}

	}

	private final class End implements DeleteEventListener {

		@Override
		public void onDelete(DeleteEvent event) {
			PreDeleteOnRemove.this.sessions.exitRemove(event.getSession());
		}

		@Override
		public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
		}

	}

}
