package io.signalsforspring.signals.jpa;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.ModelSignals.ClassPrepared;
import io.signalsforspring.signals.ModelSignals.M2mChanged;
import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostInit;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreDelete;
import io.signalsforspring.signals.ModelSignals.PreInit;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.jpa.blog.Post;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Receivers of the JPA tests: they record what they receive, fill a post's slug in
 * {@code pre_save}, and fail on demand.
 */
@Component
class RecordingReceivers {

	final List<SignalEvent> events = new CopyOnWriteArrayList<>();

	final List<Class<?>> prepared = new CopyOnWriteArrayList<>();

	final List<String> phases = new CopyOnWriteArrayList<>();

	final List<String> postOnly = new CopyOnWriteArrayList<>();

	volatile String failPreSaveFor;

	volatile String failPreDeleteFor;

	void clear() {
		this.events.clear();
		this.phases.clear();
		this.postOnly.clear();
		this.failPreSaveFor = null;
		this.failPreDeleteFor = null;
	}

	List<SignalEvent> of(String signal) {
		return this.events.stream().filter((event) -> event.signal().name().equals(signal)).toList();
	}

	@Receiver({ PreInit.class, PostInit.class, PreSave.class, PostSave.class, PreDelete.class, PostDelete.class,
			M2mChanged.class })
	void record(SignalEvent event) {
		this.events.add(event);
	}

	@Receiver(ClassPrepared.class)
	void prepared(Class<?> sender) {
		this.prepared.add(sender);
	}

	@Receiver(signal = PreSave.class, sender = Post.class)
	void fillSlug(Post instance) {
		if (instance.getTitle().equals(this.failPreSaveFor)) {
			throw new IllegalStateException("pre_save refused " + instance.getTitle());
		}
		instance.setSlug(instance.getTitle().toLowerCase().replace(' ', '-'));
	}

	@Receiver(signal = PostSave.class, sender = Post.class)
	void onlyPosts(Post instance) {
		this.postOnly.add(instance.getTitle());
	}

	@Receiver(signal = PreDelete.class)
	void refuseDelete(Object instance) {
		if (instance instanceof Post post && post.getTitle().equals(this.failPreDeleteFor)) {
			throw new IllegalStateException("pre_delete refused " + post.getTitle());
		}
	}

	@Receiver(signal = PostSave.class, sender = Post.class, phase = Phase.AFTER_COMMIT)
	void afterCommit(Post instance, boolean created) {
		this.phases.add("after commit " + instance.getTitle() + " created " + created + " in tx "
				+ TransactionSynchronizationManager.isCurrentTransactionReadOnly());
	}

	@Receiver(signal = PostSave.class, sender = Post.class, phase = Phase.BEFORE_COMMIT)
	void beforeCommit(Post instance) {
		this.phases.add("before commit " + instance.getTitle());
	}

}
