package io.signalsforspring.signals.jpa;

import java.util.Map;

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
 * {@code post_save} and {@code post_delete} are raised while Hibernate executes its
 * action queue, and {@link SessionSignals#defer deferred} until the session can be used.
 * {@code pre_save} of an insert runs in the pre-insert event, guarded: Hibernate writes
 * the event's state array, not the entity, so the properties its receivers changed are
 * copied into that array (only those: the array also holds values Hibernate generated).
 * {@code pre_save} of an update is sent earlier, by {@link PreSaveOnFlush}, and
 * {@code pre_delete} by {@link PreDeleteOnRemove} when {@code remove()} is called; a
 * stateless session has neither, so for it both are sent here.
 */
final class EntityEventListener
		implements PreLoadEventListener, PostLoadEventListener, PreInsertEventListener, PreUpdateEventListener,
		PostInsertEventListener, PostUpdateEventListener, PreDeleteEventListener, PostDeleteEventListener {

	private final ModelSignalSet signals;

	private final String using;

	private final SessionSignals sessions;

	EntityEventListener(ModelSignalSet signals, String using, SessionSignals sessions) {
		this.signals = signals;
		this.using = using;
		this.sessions = sessions;
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
			preSave(event.getSession(), persister, sender, event.getEntity(), event.getState(), null, null);
		}
		return false;
	}

	/** Only stateless sessions: for the others {@link PreSaveOnFlush} sent it. */
	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (event.getSession().isStateless() && this.signals.preSave().hasListeners(sender)) {
			Object[] oldState = event.getOldState();
			int[] dirty = (oldState != null)
					? dirtyOrNone(
							persister.findDirty(event.getState(), oldState, event.getEntity(), event.getSession()))
					: null;
			preSave(event.getSession(), persister, sender, event.getEntity(), event.getState(), dirty, oldState);
		}
		return false;
	}

	private void preSave(SharedSessionContractImplementor session, EntityPersister persister, Class<?> sender,
			Object entity, Object[] state, int @Nullable [] dirty, Object @Nullable [] oldState) {
		Object[] before = persister.getValues(entity);
		this.sessions.sendGuarded(session, this.signals.preSave(), sender,
				ModelArguments.save(entity, null, this.using, persister, dirty, oldState),
				"pre_save for " + sender.getSimpleName());
		for (int i = 0; i < state.length; i++) {
			Object now = persister.getValue(entity, i);
			if (now != before[i]) {
				state[i] = now;
			}
		}
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (this.signals.postSave().hasListeners(sender)) {
			this.sessions.defer(event.getSession(), this.signals.postSave(), sender,
					ModelArguments.save(event.getEntity(), true, this.using, persister, null, null));
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		EntityPersister persister = event.getPersister();
		Class<?> sender = persister.getMappedClass();
		if (this.signals.postSave().hasListeners(sender)) {
			Object[] oldState = event.getOldState();
			int[] dirty = (oldState != null)
					? dirtyOrNone(
							persister.findDirty(event.getState(), oldState, event.getEntity(), event.getSession()))
					: event.getDirtyProperties();
			this.sessions.defer(event.getSession(), this.signals.postSave(), sender,
					ModelArguments.save(event.getEntity(), false, this.using, persister, dirty, oldState));
		}
	}

	/** Only stateless sessions: for the others {@link PreDeleteOnRemove} sent it. */
	@Override
	public boolean onPreDelete(PreDeleteEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		if (event.getSession().isStateless() && this.signals.preDelete().hasListeners(sender)) {
			this.signals.preDelete()
				.send(sender, ModelArguments.delete(event.getEntity(), this.using, event.getEntity()));
		}
		return false;
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		Class<?> sender = event.getPersister().getMappedClass();
		Object entity = event.getEntity();
		Object origin = this.sessions.removed(event.getSession(), entity);
		if (this.signals.postDelete().hasListeners(sender)) {
			this.sessions.defer(event.getSession(), this.signals.postDelete(), sender,
					ModelArguments.delete(entity, this.using, origin));
		}
	}

	private static int[] dirtyOrNone(int @Nullable [] dirty) {
		return (dirty != null) ? dirty : new int[0];
	}

}
