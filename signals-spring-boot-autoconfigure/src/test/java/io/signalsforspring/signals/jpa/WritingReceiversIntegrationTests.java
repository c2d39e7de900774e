package io.signalsforspring.signals.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.jpa.accounts.Account;
import io.signalsforspring.signals.jpa.accounts.Activity;
import io.signalsforspring.signals.jpa.accounts.Address;
import io.signalsforspring.signals.jpa.accounts.AssignedAccount;
import io.signalsforspring.signals.jpa.accounts.Letter;
import io.signalsforspring.signals.jpa.accounts.IdentityAccount;
import io.signalsforspring.signals.jpa.accounts.SequenceAccount;
import io.signalsforspring.signals.jpa.accounts.UuidAccount;
import io.signalsforspring.signals.jpa.accounts.VersionedNote;
import io.signalsforspring.signals.jpa.accounts.WritingReceivers;
import io.signalsforspring.signals.spring.Phase;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Receivers that write other entities, in every phase, for every id strategy and every
 * way an application saves or deletes: Django's promise that a {@code post_save} may save
 * a profile and a {@code pre_delete} may delete dependents, on real Hibernate. Each case
 * checks the rows afterwards and the signals sent, including those of what the receivers
 * wrote; the rollback cases check that nothing of a rolled-back transaction remains.
 */
@SpringBootTest(classes = JpaTestApplication.class)
class WritingReceiversIntegrationTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private RecordingReceivers recorded;

	@Autowired
	private WritingReceivers writing;

	enum Strategy {

		IDENTITY(IdentityAccount.class, IdentityAccount::new), SEQUENCE(SequenceAccount.class, SequenceAccount::new),
		UUID(UuidAccount.class, UuidAccount::new), ASSIGNED(AssignedAccount.class, AssignedAccount::new);

		final Class<? extends Account> type;

		final BiFunction<String, Address, Account> create;

		Strategy(Class<? extends Account> type, BiFunction<String, Address, Account> create) {
			this.type = type;
			this.create = create;
		}

	}

	enum Save {

		REPOSITORY_SAVE, PERSIST, MERGE

	}

	static Stream<Arguments> saves() {
		List<Arguments> cases = new ArrayList<>();
		for (Strategy strategy : Strategy.values()) {
			for (Save save : Save.values()) {
				for (Phase phase : List.of(Phase.IMMEDIATE, Phase.BEFORE_COMMIT, Phase.AFTER_COMMIT)) {
					cases.add(Arguments.of(strategy, save, phase));
				}
			}
		}
		return cases.stream();
	}

	static Stream<Arguments> strategiesAndPhases() {
		List<Arguments> cases = new ArrayList<>();
		for (Strategy strategy : Strategy.values()) {
			for (Phase phase : List.of(Phase.IMMEDIATE, Phase.BEFORE_COMMIT, Phase.AFTER_COMMIT)) {
				cases.add(Arguments.of(strategy, phase));
			}
		}
		return cases.stream();
	}

	@BeforeEach
	@AfterEach
	void clean() {
		this.writing.phase = null;
		this.writing.queryInPreSave = false;
		this.writing.writeInPreSave = false;
		this.writing.renameOwnInstanceInPostSave = false;
		this.writing.activitiesBeforeCommit.clear();
		this.transactions.executeWithoutResult((status) -> {
			for (String entity : List.of("VersionedNote", "Activity", "Letter", "IdentityAccount", "SequenceAccount",
					"UuidAccount", "AssignedAccount", "Address")) {
				this.entityManager.createQuery("delete from " + entity).executeUpdate();
			}
		});
		this.recorded.clear();
	}

	@ParameterizedTest(name = "{0} id, {1}, receiver in phase {2}")
	@MethodSource("saves")
	void postSaveReceiverSavesAnotherEntity(Strategy strategy, Save save, Phase phase) {
		this.writing.phase = phase;
		Account account = this.transactions
			.execute((status) -> save(strategy, save, strategy.create.apply("Ada", null)));
		assertThat(count(strategy.type)).isEqualTo(1);
		assertThat(activities()).singleElement().satisfies((activity) -> {
			assertThat(activity.getAccount()).isEqualTo(account.key());
			assertThat(activity.getWhat()).isEqualTo("created");
		});
		assertThat(sent("post_save", strategy.type)).singleElement()
			.satisfies((event) -> assertThat(event.get("created")).isEqualTo(true));
		assertThat(sent("post_save", Activity.class)).as("what the receiver saved sends its own post_save")
			.singleElement()
			.satisfies((event) -> assertThat(event.get("created")).isEqualTo(true));
		assertThat(this.writing.activitiesBeforeCommit).as("its before-commit receiver ran, in every phase")
			.containsExactly("created");
	}

	@ParameterizedTest(name = "{0} id, receiver in phase {1}")
	@MethodSource("strategiesAndPhases")
	void postSaveReceiverWritesOnDirtyCheckingUpdate(Strategy strategy, Phase phase) {
		Object id = this.transactions
			.execute((status) -> save(strategy, Save.PERSIST, strategy.create.apply("Ada", null)))
			.getId();
		this.recorded.clear();
		this.writing.phase = phase;
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(strategy.type, id).setName("Ada Lovelace"));
		assertThat(activities()).extracting(Activity::getWhat).containsExactly("updated Ada Lovelace");
		assertThat(sent("post_save", strategy.type)).singleElement()
			.satisfies((event) -> assertThat(event.get("created")).isEqualTo(false));
	}

	@ParameterizedTest(name = "{0} id, receivers in phase {1}")
	@MethodSource("strategiesAndPhases")
	void deleteReceiversRemoveDependentsAndCleanUp(Strategy strategy, Phase phase) {
		Account account = createWithLettersAndAddress(strategy);
		this.recorded.clear();
		this.writing.phase = phase;
		this.transactions.executeWithoutResult(
				(status) -> this.entityManager.remove(this.entityManager.find(strategy.type, account.getId())));
		assertThat(count(strategy.type)).isZero();
		assertThat(count(Letter.class)).as("pre_delete removed the letters").isZero();
		assertThat(count(Address.class)).as("post_delete removed the address").isZero();
		assertThat(sent("pre_delete", strategy.type)).hasSize(1);
		assertThat(sent("post_delete", strategy.type)).hasSize(1);
		assertThat(sent("pre_delete", Letter.class)).as("what the receivers removed sends its own signals").hasSize(2);
		assertThat(sent("post_delete", Address.class)).hasSize(1);
	}

	@ParameterizedTest(name = "{0} id, {1}")
	@MethodSource("savesInTheDefaultPhase")
	void rollbackUndoesWhatReceiversWrote(Strategy strategy, Save save) {
		this.writing.phase = Phase.IMMEDIATE;
		this.transactions.executeWithoutResult((status) -> {
			save(strategy, save, strategy.create.apply("Ada", null));
			this.entityManager.flush();
			assertThat(activities()).as("the receiver ran inside the transaction").hasSize(1);
			status.setRollbackOnly();
		});
		assertThat(count(strategy.type)).isZero();
		assertThat(count(Activity.class)).isZero();
	}

	static Stream<Arguments> savesInTheDefaultPhase() {
		List<Arguments> cases = new ArrayList<>();
		for (Strategy strategy : Strategy.values()) {
			for (Save save : Save.values()) {
				cases.add(Arguments.of(strategy, save));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} id")
	@MethodSource("strategies")
	void rollbackKeepsWhatDeleteReceiversRemoved(Strategy strategy) {
		Account account = createWithLettersAndAddress(strategy);
		this.writing.phase = Phase.IMMEDIATE;
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.remove(this.entityManager.find(strategy.type, account.getId()));
			this.entityManager.flush();
			assertThat(count(Letter.class)).as("the receivers ran inside the transaction").isZero();
			status.setRollbackOnly();
		});
		assertThat(count(strategy.type)).isEqualTo(1);
		assertThat(count(Letter.class)).isEqualTo(2);
		assertThat(count(Address.class)).isEqualTo(1);
	}

	@Test
	void postSaveReceiverThatSavesItsOwnInstanceForeverIsStoppedAndNothingIsWritten() {
		this.writing.renameOwnInstanceInPostSave = true;
		assertThatException()
			.isThrownBy(() -> this.transactions
				.executeWithoutResult((status) -> this.entityManager.persist(new SequenceAccount("Ada", null))))
			.isInstanceOf(IllegalStateException.class)
			.withMessageContaining("kept writing: 32 flushes");
		assertThat(count(SequenceAccount.class)).isZero();
	}

	@Test
	void preSaveReceiverMayQuery() {
		this.transactions.executeWithoutResult((status) -> this.entityManager.persist(new Activity("x", "earlier")));
		this.writing.queryInPreSave = true;
		VersionedNote note = this.transactions.execute((status) -> {
			VersionedNote created = new VersionedNote("Hello World");
			this.entityManager.persist(created);
			return created;
		});
		assertThat(note.getSlug()).isEqualTo("hello-world-2");
		assertThat(count(VersionedNote.class)).isOne();
	}

	@Test
	void preSaveReceiverThatSavesAnotherEntityIsRefusedByNameAndNothingIsWritten() {
		this.writing.writeInPreSave = true;
		assertThatException().isThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.entityManager.persist(new VersionedNote("Hello World"));
			this.entityManager.flush();
		}))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageStartingWith("Receiver WritingReceivers.fillSlug() called persist() on the session while "
					+ "receiving pre_save for VersionedNote")
			.withMessageContaining("post_save");
		assertThat(count(VersionedNote.class)).isZero();
		assertThat(count(Activity.class)).isZero();
	}

	@Test
	void preSaveReceiverOfAnUpdateThatSavesAnotherEntityIsRefused() {
		Long id = this.transactions.execute((status) -> {
			VersionedNote created = new VersionedNote("Hello World");
			this.entityManager.persist(created);
			return created.getId();
		});
		this.writing.writeInPreSave = true;
		assertThatException()
			.isThrownBy(() -> this.transactions
				.executeWithoutResult((status) -> this.entityManager.find(VersionedNote.class, id).setTitle("Changed")))
			.havingRootCause()
			.isInstanceOf(IllegalStateException.class)
			.withMessageStartingWith("Receiver WritingReceivers.fillSlug() called persist()");
		assertThat(count(Activity.class)).isZero();
		String title = this.transactions
			.execute((status) -> this.entityManager.find(VersionedNote.class, id).getTitle());
		assertThat(title).isEqualTo("Hello World");
	}

	static Stream<Strategy> strategies() {
		return Stream.of(Strategy.values());
	}

	private Account createWithLettersAndAddress(Strategy strategy) {
		return this.transactions.execute((status) -> {
			Address address = new Address("1 Main Street");
			this.entityManager.persist(address);
			Account created = save(strategy, Save.PERSIST, strategy.create.apply("Ada", address));
			this.entityManager.flush();
			this.entityManager.persist(new Letter(created.key(), "Notes"));
			this.entityManager.persist(new Letter(created.key(), "Letters"));
			return created;
		});
	}

	@SuppressWarnings("unchecked")
	private Account save(Strategy strategy, Save save, Account account) {
		return switch (save) {
			case REPOSITORY_SAVE ->
				new SimpleJpaRepository<>((Class<Account>) strategy.type, this.entityManager).save(account);
			case PERSIST -> {
				this.entityManager.persist(account);
				yield account;
			}
			case MERGE -> this.entityManager.merge(account);
		};
	}

	private long count(Class<?> type) {
		return this.transactions.execute((status) -> this.entityManager
			.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class)
			.getSingleResult());
	}

	private List<Activity> activities() {
		return this.entityManager.createQuery("from Activity", Activity.class).getResultList();
	}

	private List<SignalEvent> sent(String signal, Class<?> sender) {
		return this.recorded.of(signal).stream().filter((event) -> event.sender() == sender).toList();
	}

}
