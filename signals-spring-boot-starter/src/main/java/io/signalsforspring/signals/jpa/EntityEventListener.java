package io.signalsforspring.signals.jpa;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.signalsforspring.signals.Arguments;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.event.spi.PreDeleteEvent;
import org.hibernate.event.spi.PreDeleteEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreLoadEvent;
import org.hibernate.event.spi.PreLoadEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Sends Django's entity signals from Hibernate's entity events. Every method first asks
 * the signal whether anyone listens for the entity's class, so that a save nobody listens
 * to costs a lookup and builds no arguments.
 *
 * <p>
 * {@code pre_save} runs in Hibernate's pre-insert and pre-update events. Hibernate writes
 * the state array of those events, not the entity, so after the receivers ran the
 * entity's current values are copied back into the state: a receiver that fills a slug
 * has it written by the same INSERT or UPDATE.
 */
final class EntityEventListener
		implements PreLoadEventListener, PostLoadEventListener, PreInsertEventListener, PreUpdateEventListener,
		PostInsertEventListener, PostUpdateEventListener, PreDeleteEventListener, PostDeleteEventListener {

	private final ModelSignalSet signals;

	private final String using;

	private final DeleteOrigins origins;

	EntityEventListener(ModelSignalSet signals, String using, DeleteOrigins origins) {
		this.signals = signals;
		this.using = using;
		this.origins = origins;
	}

	@Override
	public void onPreLoad(PreLoadEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (this.signals.preInit().hasListeners(sender)) {
			this.signals.preInit().send(sender, Map.of("id", event.getId()));
		}
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (this.signals.postInit().hasListeners(sender)) {
			this.signals.postInit().send(sender, Map.of("instance", event.getEntity()));
		}
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (this.signals.preSave().hasListeners(sender)) {
			this.signals.preSave().send(sender, saveArguments(event.getEntity(), null, null, null));
			copyEntityIntoState(persister, event.getEntity(), event.getState());
		}
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (this.signals.preSave().hasListeners(sender)) {
			int[] dirty = dirtyProperties(persister, event.getState(), event.getOldState(), event.getEntity(),
					event.getSession());
			this.signals.preSave()
				.send(sender,
						saveArguments(event.getEntity(), null, persister, dirtyState(dirty, event.getOldState())));
			copyEntityIntoState(persister, event.getEntity(), event.getState());
		}
		return false;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (this.signals.postSave().hasListeners(sender)) {
			this.signals.postSave().send(sender, saveArguments(event.getEntity(), true, null, null));
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (this.signals.postSave().hasListeners(sender)) {
			int[] dirty = (event.getOldState() != null) ? dirtyProperties(persister, event.getState(),
					event.getOldState(), event.getEntity(), event.getSession()) : event.getDirtyProperties();
			this.signals.postSave()
				.send(sender,
						saveArguments(event.getEntity(), false, persister, dirtyState(dirty, event.getOldState())));
		}
	}

	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (this.signals.preDelete().hasListeners(sender)) {
			this.signals.preDelete().send(sender, deleteArguments(event.getEntity(), event.getSession()));
		}
		return false;
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (this.signals.postDelete().hasListeners(sender)) {
			this.signals.postDelete().send(sender, deleteArguments(event.getEntity(), event.getSession()));
		}
		this.origins.forget(event.getSession(), event.getEntity());
	}

	private Map<String, Object> deleteArguments(Object instance, SharedSessionContractImplementor session) {
		return Map.of("instance", instance, "using", this.using, "origin", this.origins.originOf(session, instance));
	}

	/**
	 * Django's save arguments. For an update, {@code update_fields} names the changed
	 * properties and {@code previous_values} holds their values before the change. In
	 * {@code post_save} these include what {@code pre_save} receivers changed, since that
	 * was written too.
	 */
	private Map<String, @Nullable Object> saveArguments(Object instance, @Nullable Boolean created,
			@Nullable EntityPersister persister, @Nullable DirtyState dirty) {
		Set<String> fields = null;
		Map<String, @Nullable Object> previous = null;
		if (persister != null && dirty != null) {
			String[] names = persister.getPropertyNames();
			fields = new LinkedHashSet<>();
			previous = new LinkedHashMap<>();
			for (int index : dirty.properties) {
				fields.add(names[index]);
				if (dirty.oldState != null) {
					previous.put(names[index], dirty.oldState[index]);
				}
			}
			fields = Collections.unmodifiableSet(fields);
			previous = Collections.unmodifiableMap(previous);
		}
		if (created == null) {
			return (previous != null)
					? Arguments.of("instance", instance, "raw", false, "using", this.using, "update_fields", fields,
							"previous_values", previous)
					: Arguments.of("instance", instance, "raw", false, "using", this.using, "update_fields", null);
		}
		return (previous != null)
				? Arguments.of("instance", instance, "created", created, "raw", false, "using", this.using,
						"update_fields", fields, "previous_values", previous)
				: Arguments.of("instance", instance, "created", created, "raw", false, "using", this.using,
						"update_fields", null);
	}

	private static @Nullable DirtyState dirtyState(int @Nullable [] properties, Object @Nullable [] oldState) {
		return (properties != null) ? new DirtyState(properties, oldState) : null;
	}

	private static int @Nullable [] dirtyProperties(EntityPersister persister, Object[] state,
			Object @Nullable [] oldState, Object entity, SharedSessionContractImplementor session) {
		if (oldState == null) {
			return null;
		}
		int[] dirty = persister.findDirty(state, oldState, entity, session);
		return (dirty != null) ? dirty : new int[0];
	}

	private static void copyEntityIntoState(EntityPersister persister, Object entity, Object[] state) {
		for (int i = 0; i < state.length; i++) {
			Object current = persister.getValue(entity, i);
			if (current != state[i]) {
				state[i] = current;
			}
		}
	}

	private record DirtyState(int[] properties, Object @Nullable [] oldState) {

	}

}
