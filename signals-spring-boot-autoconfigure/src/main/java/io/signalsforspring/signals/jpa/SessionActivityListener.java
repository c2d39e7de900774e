package io.signalsforspring.signals.jpa;

import java.util.function.BooleanSupplier;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;

/**
 * Registers the {@link BeforeCommitFlush} of a session's transaction the first time the
 * session does anything that a later flush could turn into model signals: load (the
 * entity may be changed and dirty-checked), persist, merge or remove. Only while a
 * {@code BEFORE_COMMIT} receiver listens to a model signal: without one, the commit
 * flushes as it would without the starter.
 */
final class SessionActivityListener
		implements PostLoadEventListener, PersistEventListener, MergeEventListener, DeleteEventListener {

	private final BooleanSupplier needed;

	SessionActivityListener(BooleanSupplier needed) {
		this.needed = needed;
	}

	private void register(SessionImplementor session) {
		if (!BeforeCommitFlush.isRegisteredFor(session) && this.needed.getAsBoolean()) {
			BeforeCommitFlush.registerFor(session);
		}
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		register(event.getSession());
	}

	@Override
	public void onPersist(PersistEvent event) {
		register(event.getSession());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext createdAlready) {
	}

	@Override
	public void onMerge(MergeEvent event) {
		register(event.getSession());
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
	}

	@Override
	public void onDelete(DeleteEvent event) {
		register(event.getSession());
	}

	@Override
	public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
	}

}
