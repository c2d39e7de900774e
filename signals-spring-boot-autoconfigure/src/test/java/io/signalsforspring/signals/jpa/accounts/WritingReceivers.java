package io.signalsforspring.signals.jpa.accounts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreDelete;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receivers that write other entities, the way the tutorials write them: a post_save that
 * records an activity, a pre_delete that removes the account's letters, a post_delete
 * that removes the account's address. One set per phase; {@link #phase} says which one
 * runs. After-commit receivers write in a new transaction, as Spring requires.
 */
@Component
public class WritingReceivers {

	private final ActivityRepository activities;

	private final LetterRepository letters;

	private final AddressRepository addresses;

	private final TransactionTemplate requiresNew;

	public volatile @Nullable Phase phase;

	public volatile boolean queryInPreSave;

	public final List<String> activitiesBeforeCommit = new CopyOnWriteArrayList<>();

	public volatile boolean writeInPreSave;

	/** Makes the default-phase post_save receiver change its own instance every time. */
	public volatile boolean renameOwnInstanceInPostSave;

	WritingReceivers(ActivityRepository activities, LetterRepository letters, AddressRepository addresses,
			PlatformTransactionManager transactionManager) {
		this.activities = activities;
		this.letters = letters;
		this.addresses = addresses;
		this.requiresNew = new TransactionTemplate(transactionManager);
		this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Django's slug in {@code pre_save}, always on. It may also query (a uniqueness check
	 * does) or, wrongly, save another entity, when the tests ask for it.
	 */
	@Receiver(signal = PreSave.class, sender = { VersionedNote.class, DynamicNote.class })
	void fillSlug(Slugged instance) {
		String slug = instance.getTitle().toLowerCase().replace(' ', '-');
		if (this.queryInPreSave && this.activities.count() > 0) {
			slug = slug + "-2";
		}
		if (this.writeInPreSave) {
			this.activities.save(new Activity(slug, "pre_save"));
		}
		instance.setSlug(slug);
	}

	@Receiver(signal = PostSave.class,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void recordSave(Account instance, boolean created) {
		if (this.phase == Phase.IMMEDIATE) {
			recordActivity(instance, created);
		}
		if (this.renameOwnInstanceInPostSave) {
			instance.setName(instance.getName() + "+");
		}
	}

	@Receiver(signal = PostSave.class, phase = Phase.BEFORE_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void recordSaveBeforeCommit(Account instance, boolean created) {
		if (this.phase == Phase.BEFORE_COMMIT) {
			recordActivity(instance, created);
		}
	}

	@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void recordSaveAfterCommit(Account instance, boolean created) {
		if (this.phase == Phase.AFTER_COMMIT) {
			this.requiresNew.executeWithoutResult((status) -> recordActivity(instance, created));
		}
	}

	/**
	 * Runs before the commit for every activity, including those written before the
	 * commit.
	 */
	@Receiver(signal = PostSave.class, sender = Activity.class, phase = Phase.BEFORE_COMMIT)
	void activityBeforeCommit(Activity instance) {
		this.activitiesBeforeCommit.add(instance.getWhat());
	}

	private void recordActivity(Account instance, boolean created) {
		this.activities.save(new Activity(instance.key(), created ? "created" : "updated " + instance.getName()));
	}

	@Receiver(signal = PreDelete.class,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteLetters(Account instance) {
		if (this.phase == Phase.IMMEDIATE) {
			this.letters.deleteAll(this.letters.findByOwner(instance.key()));
		}
	}

	@Receiver(signal = PreDelete.class, phase = Phase.BEFORE_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteLettersBeforeCommit(Account instance) {
		if (this.phase == Phase.BEFORE_COMMIT) {
			this.letters.deleteAll(this.letters.findByOwner(instance.key()));
		}
	}

	@Receiver(signal = PreDelete.class, phase = Phase.AFTER_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteLettersAfterCommit(Account instance) {
		if (this.phase == Phase.AFTER_COMMIT) {
			this.requiresNew
				.executeWithoutResult((status) -> this.letters.deleteAll(this.letters.findByOwner(instance.key())));
		}
	}

	@Receiver(signal = PostDelete.class,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteAddress(Account instance) {
		if (this.phase == Phase.IMMEDIATE) {
			this.addresses.delete(instance.getAddress());
		}
	}

	@Receiver(signal = PostDelete.class, phase = Phase.BEFORE_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteAddressBeforeCommit(Account instance) {
		if (this.phase == Phase.BEFORE_COMMIT) {
			this.addresses.delete(instance.getAddress());
		}
	}

	@Receiver(signal = PostDelete.class, phase = Phase.AFTER_COMMIT,
			sender = { IdentityAccount.class, SequenceAccount.class, UuidAccount.class, AssignedAccount.class })
	void deleteAddressAfterCommit(Account instance) {
		if (this.phase == Phase.AFTER_COMMIT) {
			this.requiresNew.executeWithoutResult((status) -> this.addresses.deleteById(instance.getAddress().getId()));
		}
	}

}
