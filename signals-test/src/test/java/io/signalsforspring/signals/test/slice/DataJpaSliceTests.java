package io.signalsforspring.signals.test.slice;

import java.time.Duration;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.test.CaptureSignals;
import io.signalsforspring.signals.test.CapturedSignals;
import io.signalsforspring.signals.test.SignalsTesting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.ApplicationContext;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;

/**
 * A plain {@code @DataJpaTest} gets the Hibernate bridge and the test support with
 * nothing else: saving through a repository or the test entity manager sends the model
 * signals, and {@code @CaptureSignals} sees them.
 */
@DataJpaTest
@CaptureSignals
class DataJpaSliceTests {

	@Autowired
	private NoteRepository notes;

	@Autowired
	private TestEntityManager entityManager;

	@Autowired
	private ApplicationContext context;

	@Test
	void savingThroughARepositorySendsPreSaveAndPostSave(CapturedSignals sent) {
		this.notes.saveAndFlush(new Note("from a repository"));
		assertThat(sent).sent(PreSave.class).from(Note.class).once();
		assertThat(sent).sent(PostSave.class).from(Note.class).with("created", true).once();
	}

	@Test
	void removingThroughTheTestEntityManagerSendsPostDelete(CapturedSignals sent) {
		Note note = this.entityManager.persistFlushFind(new Note("short-lived"));
		this.entityManager.remove(note);
		this.entityManager.flush();
		assertThat(sent).sent(PostDelete.class).from(Note.class).once();
	}

	@Test
	void awaitingReceiversWorksInTheSlice() {
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(5));
	}

}
