package io.signalsforspring.signals.jpa;

import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.Status;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEntityEvent;
import org.hibernate.event.spi.FlushEntityEventListener;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Sends {@code pre_save} for an entity a flush is about to update. Prepended to
 * Hibernate's flush-entity listener, it runs where JPA's {@code @PreUpdate} callbacks
 * run: before Hibernate checks the entity for changes, increments its {@code @Version},
 * applies {@code @UpdateTimestamp} and picks the columns of a {@code @DynamicUpdate}.
 * What a receiver changes is therefore written by the same UPDATE, exactly as a change
 * made before the flush would be.
 */
final class PreSaveOnFlush implements FlushEntityEventListener {

	private final ModelSignalSet signals;

	private final String using;

	private final SessionSignals sessions;

	PreSaveOnFlush(ModelSignalSet signals, String using, SessionSignals sessions) {
		this.signals = signals;
		this.using = using;
		this.sessions = sessions;
	}

	@Override
	public void onFlushEntity(FlushEntityEvent event) {
		EntityEntry entry = event.getEntityEntry();
		EntityPersister persister = entry.getPersister();
		Object[] loadedState = entry.getLoadedState();
		if (entry.getStatus() != Status.MANAGED || loadedState == null || entry.isReadOnly()
				|| !persister.isMutable()) {
			return;
		}
		Class<?> sender = persister.getMappedClass();
		Object entity = event.getEntity();
		if (!this.signals.preSave().hasListeners(sender) || !entry.requiresDirtyCheck(entity)) {
			return;
		}
		EventSource session = event.getSession();
		int[] dirty = persister.findDirty(persister.getValues(entity), loadedState, entity, session);
		if (dirty != null) {
			this.sessions.sendGuarded(session, this.signals.preSave(), sender,
					ModelArguments.save(entity, null, this.using, persister, dirty, loadedState),
					"pre_save for " + sender.getSimpleName());
		}
	}

}
