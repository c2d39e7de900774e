package io.signalsforspring.signals.jpa;

import org.hibernate.event.spi.AutoFlushEvent;
import org.hibernate.event.spi.AutoFlushEventListener;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.FlushEvent;
import org.hibernate.event.spi.FlushEventListener;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;

/**
 * The moments a session can be used again after Hibernate executed its action queue: the
 * end of a top-level {@code persist} or {@code merge} (an IDENTITY id inserts at once),
 * and the end of a flush or auto-flush. Appended after Hibernate's own listeners, it
 * sends the signals the operation deferred. After a flush whose signals reached receivers
 * it flushes again, so that what they saved, changed or removed is written in the same
 * transaction, also when the flush is the one of the commit.
 */
final class SafePoints implements PersistEventListener, MergeEventListener, FlushEventListener, AutoFlushEventListener {

	private final SessionSignals signals;

	SafePoints(SessionSignals signals) {
		this.signals = signals;
	}

	@Override
	public void onPersist(PersistEvent event) {
		this.signals.sendDeferred(event.getSession());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext createdAlready) {
	}

	@Override
	public void onMerge(MergeEvent event) {
		this.signals.sendDeferred(event.getSession());
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext copiedAlready) {
	}

	@Override
	public void onFlush(FlushEvent event) {
		afterFlush(event.getSession());
	}

	@Override
	public void onAutoFlush(AutoFlushEvent event) {
		afterFlush(event.getSession());
	}

	private void afterFlush(EventSource session) {
		this.signals.sendDeferredAndFlush(session);
	}

}
