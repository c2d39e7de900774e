package io.signalsforspring.signals.jpa;

import org.hibernate.event.spi.DeleteContext;
import org.hibernate.event.spi.DeleteEvent;
import org.hibernate.event.spi.DeleteEventListener;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;

/**
 * Prepended to Hibernate's persist, merge, remove and flush listeners: refuses those
 * calls, with a message naming the receiver, while a receiver runs that must not write
 * through the session (see {@link SessionSignals#sendGuarded}).
 */
final class WriteGuard implements PersistEventListener, MergeEventListener, DeleteEventListener, FlushEventListener {

	private final SessionSignals signals;

	WriteGuard(SessionSignals signals) {
		this.signals = signals;
	}

	@Override
	public void onPersist(PersistEvent event) {
		this.signals.checkWritable(event.getSession(), "persist");
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext createdAlready) {
	}

	@Override
	public void onMerge(MergeEvent event) {
		this.signals.checkWritable(event.getSession(), "merge");
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
	}

	@Override
	public void onDelete(DeleteEvent event) {
		this.signals.checkWritable(event.getSession(), "remove");
	}

	@Override
	public void onDelete(DeleteEvent event, DeleteContext transientEntities) {
	}

	@Override
	public void onFlush(FlushEvent event) {
		this.signals.checkWritable(event.getSession(), "flush");
	}

}
