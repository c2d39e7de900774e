package io.signalsforspring.signals.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Hibernate;
import org.hibernate.bytecode.enhance.spi.LazyPropertyInitializer;
import org.hibernate.engine.spi.CascadeStyle;
import org.hibernate.engine.spi.CascadingActions;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.EventSource;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.CollectionType;
import org.hibernate.type.EntityType;
import org.hibernate.type.ForeignKeyDirection;
import org.hibernate.type.Type;

/**
 * The entities a {@code remove()} will cascade to before it deletes the removed entity,
 * as Django's collector finds them before it sends any {@code pre_delete}: the managed
 * entities of every association whose cascade includes {@code REMOVE} and whose rows go
 * first (collections, and one-to-one associations mapped by the other side), and theirs,
 * deepest first. Found through Hibernate's own mapping ({@link CascadeStyle} and the
 * association types), reading nothing Hibernate would not read to cascade; orphans are
 * not included, they are removed at flush.
 */
final class RemovalCascade {

	private RemovalCascade() {
	}

	/**
	 * The dependents of an entity, the deepest first, each level in the order Hibernate
	 * cascades to it.
	 * @param session the session
	 * @param entity the entity being removed
	 * @param persister its persister
	 * @return the managed entities its removal cascades to before its own delete
	 */
	static List<Object> dependents(EventSource session, Object entity, EntityPersister persister) {
		List<List<Object>> levels = new ArrayList<>();
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		seen.add(entity);
		collect(session.getPersistenceContextInternal(), entity, persister, 0, levels, seen);
		List<Object> deepestFirst = new ArrayList<>();
		for (int level = levels.size() - 1; level >= 0; level--) {
			deepestFirst.addAll(levels.get(level));
		}
		return deepestFirst;
	}

	private static void collect(PersistenceContext context, Object entity, EntityPersister persister, int level,
			List<List<Object>> levels, Set<Object> seen) {
		CascadeStyle[] styles = persister.getPropertyCascadeStyles();
		Type[] types = persister.getPropertyTypes();
		for (int i = 0; i < types.length; i++) {
			if (!styles[i].doCascade(CascadingActions.REMOVE) || !goesFirst(types[i])) {
				continue;
			}
			Object value = persister.getValue(entity, i);
			if (value == null || value == LazyPropertyInitializer.UNFETCHED_PROPERTY) {
				continue;
			}
			for (Object child : children(types[i], value)) {
				Object dependent = Hibernate.unproxy(child);
				EntityEntry entry = (dependent != null) ? context.getEntry(dependent) : null;
				if (entry == null || entry.getStatus() != Status.MANAGED || !seen.add(dependent)) {
					continue;
				}
				while (levels.size() <= level) {
					levels.add(new ArrayList<>());
				}
				levels.get(level).add(dependent);
				collect(context, dependent, entry.getPersister(), level + 1, levels, seen);
			}
		}
	}

	/** Whether the association's rows are deleted before the owner's. */
	private static boolean goesFirst(Type type) {
		if (type instanceof CollectionType) {
			return true;
		}
		return type instanceof EntityType entityType
				&& entityType.getForeignKeyDirection() == ForeignKeyDirection.TO_PARENT;
	}

	private static Collection<?> children(Type type, Object value) {
		if (type instanceof CollectionType) {
			// removing cascades through the whole collection, loading it if it is lazy
			Hibernate.initialize(value);
			if (value instanceof Map<?, ?> map) {
				return map.values();
			}
			return (value instanceof Collection<?> collection) ? collection : List.of();
		}
		return List.of(value);
	}

}
