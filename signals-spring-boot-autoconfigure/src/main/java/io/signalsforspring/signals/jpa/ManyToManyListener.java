package io.signalsforspring.signals.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.signalsforspring.signals.Arguments;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionRemoveEvent;
import org.hibernate.event.spi.PreCollectionRemoveEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Sends {@code m2m_changed} for {@code @ManyToMany} collections from Hibernate's
 * collection events.
 *
 * <p>
 * Hibernate writes a collection once per flush, so changes are reported per flush, not
 * per {@code add()} call, and as the SQL did them: the ids removed since the collection
 * was loaded ({@code pre_remove}, {@code post_remove}), then the ids added
 * ({@code pre_add}, {@code post_add}), the order of Django's {@code set()}. A collection
 * whose rows were all deleted is a clear ({@code pk_set} is {@code null}): one emptied,
 * or one replaced by another object (then followed by an add of the new one's elements),
 * also when it was never read, since Hibernate deletes its rows without knowing them. A
 * new entity's collection is an add of all its elements. Deleting the entity that holds
 * the collection sends nothing, as in Django.
 *
 * <p>
 * The difference is worked out in the pre-event, before Hibernate resets the collection's
 * snapshot. All four signals are {@link SessionSignals#defer deferred} until the flush
 * has executed: Hibernate runs the removals and additions of one collection in a single
 * step, so a {@code post_remove} cannot come between them otherwise, and receivers may
 * use the session.
 */
final class ManyToManyListener implements PreCollectionUpdateEventListener, PreCollectionRecreateEventListener,
		PreCollectionRemoveEventListener {

	private final ModelSignalSet signals;

	private final String using;

	private final SessionSignals sessions;

	ManyToManyListener(ModelSignalSet signals, String using, SessionSignals sessions) {
		this.signals = signals;
		this.using = using;
		this.sessions = sessions;
	}

	private enum Kind {

		UPDATE, RECREATE, REMOVE

	}

	@Override
	public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
		changed(event, Kind.UPDATE);
	}

	@Override
	public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
		changed(event, Kind.RECREATE);
	}

	@Override
	public void onPreRemoveCollection(PreCollectionRemoveEvent event) {
		changed(event, Kind.REMOVE);
	}

	private void changed(AbstractCollectionEvent event, Kind kind) {
		CollectionPersister persister = event.getCollectionPersister();
		Object owner = event.getAffectedOwnerOrNull();
		if (!persister.isManyToMany() || persister.isInverse() || owner == null) {
			return;
		}
		Class<?> sender = ownerClass(event, owner);
		if (!this.signals.m2mChanged().hasListeners(sender)
				|| (kind == Kind.REMOVE && isBeingDeleted(event.getSession(), owner))) {
			return;
		}
		for (Change change : changes(event.getCollection(), persister, event.getSession(), kind)) {
			defer(event.getSession(), sender, owner, persister, "pre_" + change.action, change.ids);
			defer(event.getSession(), sender, owner, persister, "post_" + change.action, change.ids);
		}
	}

	private void defer(SharedSessionContractImplementor session, Class<?> sender, Object owner,
			CollectionPersister persister, String action, @Nullable Set<Object> ids) {
		String role = persister.getRole();
		Map<String, @Nullable Object> arguments = Arguments.of("instance", owner, "action", action, "reverse", false,
				"model", persister.getElementPersister().getMappedClass(), "pk_set", ids, "using", this.using, "field",
				role.substring(role.lastIndexOf('.') + 1));
		this.sessions.defer(session, this.signals.m2mChanged(), sender, arguments);
	}

	/**
	 * What the SQL changes: for an update, the snapshot taken at load against the
	 * contents now; for a recreated collection (new, or replacing another), every element
	 * is added; for a removed one, a clear unless it was read and empty (then Hibernate
	 * deletes nothing).
	 */
	private static List<Change> changes(PersistentCollection<?> collection, CollectionPersister persister,
			SharedSessionContractImplementor session, Kind kind) {
		if (kind == Kind.REMOVE) {
			boolean rowsDeleted = !collection.wasInitialized()
					|| !snapshotElements(collection.getStoredSnapshot()).isEmpty();
			return rowsDeleted ? List.of(new Change("clear", null)) : List.of();
		}
		EntityPersister elements = persister.getElementPersister();
		Set<Object> before = (kind == Kind.RECREATE) ? Set.of()
				: ids(snapshotElements(collection.getStoredSnapshot()), elements, session);
		Set<Object> now = ids(currentElements(collection, persister), elements, session);
		if (now.isEmpty() && !before.isEmpty()) {
			return List.of(new Change("clear", null));
		}
		Set<Object> gone = new LinkedHashSet<>(before);
		gone.removeAll(now);
		Set<Object> added = new LinkedHashSet<>(now);
		added.removeAll(before);
		List<Change> changes = new ArrayList<>(2);
		if (!gone.isEmpty()) {
			changes.add(new Change("remove", Collections.unmodifiableSet(gone)));
		}
		if (!added.isEmpty()) {
			changes.add(new Change("add", Collections.unmodifiableSet(added)));
		}
		return changes;
	}

	private static Collection<?> snapshotElements(@Nullable Object snapshot) {
		if (snapshot instanceof Map<?, ?> map) {
			return map.values();
		}
		return (snapshot instanceof Collection<?> elements) ? elements : List.of();
	}

	private static Collection<?> currentElements(PersistentCollection<?> collection, CollectionPersister persister) {
		List<Object> elements = new ArrayList<>();
		collection.entries(persister).forEachRemaining(elements::add);
		if (collection instanceof Map<?, ?> map) {
			return map.values();
		}
		return elements;
	}

	private static Set<Object> ids(Collection<?> entities, @Nullable EntityPersister persister,
			SharedSessionContractImplementor session) {
		Set<Object> ids = new LinkedHashSet<>();
		for (Object entity : entities) {
			if (entity != null) {
				ids.add((persister != null) ? persister.getIdentifier(entity, session) : entity);
			}
		}
		return ids;
	}

	private static boolean isBeingDeleted(SharedSessionContractImplementor session, Object owner) {
		EntityEntry entry = session.getPersistenceContextInternal().getEntry(owner);
		return entry != null && (entry.getStatus() == Status.DELETED || entry.getStatus() == Status.GONE);
	}

	private static Class<?> ownerClass(AbstractCollectionEvent event, Object owner) {
		return event.getSession().getEntityPersister(event.getAffectedOwnerEntityName(), owner).getMappedClass();
	}

	private record Change(String action, @Nullable Set<Object> ids) {

	}

}
