package io.signalsforspring.signals.jpa;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.signalsforspring.signals.jpa.accounts.DynamicNote;
import io.signalsforspring.signals.jpa.accounts.VersionedNote;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Hibernate's own mapping features behave as they do without the starter when
 * {@code pre_save} receivers are present: {@code @Version} advances and still rejects
 * stale updates, {@code @UpdateTimestamp} is written, and a {@code @DynamicUpdate} writes
 * what a receiver changed. Both entities have an any-sender {@code pre_save} receiver
 * (the recording one) and one that fills their slug.
 */
@SpringBootTest(classes = JpaTestApplication.class)
class HibernateFeaturesIntegrationTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RecordingReceivers recorded;

	@BeforeEach
	@AfterEach
	void clean() {
		this.jdbc.update("delete from acct_versioned_note");
		this.jdbc.update("delete from acct_dynamic_note");
		this.recorded.clear();
	}

	@Test
	void versionAdvancesOnEveryUpdateInOneTransaction() {
		Long id = persist(new VersionedNote("First"));
		this.transactions.executeWithoutResult((status) -> {
			VersionedNote note = this.entityManager.find(VersionedNote.class, id);
			for (String title : List.of("Second", "Third", "Fourth")) {
				note.setTitle(title);
				this.entityManager.flush();
			}
		});
		assertThat(row("acct_versioned_note", id)).containsEntry("VERSION", 3L).containsEntry("SLUG", "fourth");
		assertThat(this.recorded.of("pre_save")).hasSize(4);
	}

	@Test
	void versionAdvancesOnEveryUpdateAcrossTransactions() {
		Long id = persist(new VersionedNote("First"));
		for (String title : List.of("Second", "Third", "Fourth")) {
			this.transactions
				.executeWithoutResult((status) -> this.entityManager.find(VersionedNote.class, id).setTitle(title));
		}
		VersionedNote note = this.transactions.execute((status) -> this.entityManager.find(VersionedNote.class, id));
		assertThat(note.getVersion()).isEqualTo(3);
		assertThat(note.getSlug()).isEqualTo("fourth");
		assertThat(row("acct_versioned_note", id)).containsEntry("VERSION", 3L);
	}

	@Test
	void staleUpdateIsRejected() {
		Long id = persist(new VersionedNote("First"));
		VersionedNote stale = this.transactions.execute((status) -> this.entityManager.find(VersionedNote.class, id));
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(VersionedNote.class, id).setTitle("Theirs"));
		stale.setTitle("Mine");
		assertThatExceptionOfType(OptimisticLockException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.entityManager.merge(stale)));
		assertThat(row("acct_versioned_note", id)).containsEntry("TITLE", "Theirs").containsEntry("VERSION", 1L);
	}

	@Test
	void updateTimestampIsWrittenWithTheUpdate() {
		Long id = persist(new VersionedNote("First"));
		Object created = row("acct_versioned_note", id).get("UPDATED");
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(VersionedNote.class, id).setTitle("Second"));
		assertThat(row("acct_versioned_note", id).get("UPDATED")).isNotNull().isNotEqualTo(created);
	}

	@Test
	void dynamicUpdateWritesWhatAPreSaveReceiverChanged() {
		Long id = persist(new DynamicNote("First"));
		this.transactions
			.executeWithoutResult((status) -> this.entityManager.find(DynamicNote.class, id).setTitle("Second Title"));
		assertThat(row("acct_dynamic_note", id)).containsEntry("TITLE", "Second Title")
			.containsEntry("SLUG", "second-title")
			.containsEntry("VERSION", 1L);
	}

	private Long persist(Object note) {
		return this.transactions.execute((status) -> {
			this.entityManager.persist(note);
			this.entityManager.flush();
			return (Long) this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(note);
		});
	}

	private java.util.Map<String, Object> row(String table, Long id) {
		java.util.Map<String, Object> row = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		row.putAll(this.jdbc.queryForMap("select * from " + table + " where id = ?", id));
		java.util.Map<String, Object> upper = new java.util.HashMap<>();
		row.forEach((key, value) -> upper.put(key.toUpperCase(),
				(value instanceof Number number && key.equalsIgnoreCase("version")) ? number.longValue() : value));
		return upper;
	}

}
