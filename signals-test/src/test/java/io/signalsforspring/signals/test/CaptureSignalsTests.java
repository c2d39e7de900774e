package io.signalsforspring.signals.test;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreDelete;
import io.signalsforspring.signals.ModelSignals.PreSave;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = TestApplication.class)
@CaptureSignals
class CaptureSignalsTests {

	@Autowired
	private PostSave postSave;

	@Autowired
	private PreSave preSave;

	@Test
	void capturedSendsAreAssertedBySignalSenderAndArguments(CapturedSignals sent) {
		this.preSave.send(String.class, Saves.preSave("hello"));
		this.postSave.send(String.class, Saves.postSave("hello", true));
		this.postSave.send(Integer.class, Saves.postSave(42, false));
		assertThat(sent).sent(PostSave.class).from(String.class).with("created", true).once();
		assertThat(sent).sent(PostSave.class).times(2);
		assertThat(sent).sent(PostSave.class).with("created", false).from(Integer.class).once();
		assertThat(sent).sent(PreDelete.class).never();
		assertThat(sent).sent(PreSave.class).atLeastOnce();
	}

	@Test
	void failingAssertionListsWhatWasSent(CapturedSignals sent) {
		this.postSave.send(String.class, Saves.postSave("hello", false));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(sent).sent(PostSave.class).with("created", true).once())
			.withMessageContaining("Expected PostSave created = true to be sent 1 time(s), but it was sent 0 time(s)")
			.withMessageContaining("post_save from class java.lang.String");
	}

	@Test
	void eachTestStartsWithAnEmptyCapture(CapturedSignals sent) {
		assertThat(sent).nothingSent();
	}

	@Test
	void capturesNestAndAClosedCaptureStopsAndDisconnects(CapturedSignals sent) {
		int connected = this.postSave.connections().size();
		CapturedSignals inner = CapturedSignals.capture(this.postSave);
		this.postSave.send(String.class, Saves.postSave("both", true));
		inner.close();
		this.postSave.send(String.class, Saves.postSave("outer only", true));
		org.assertj.core.api.Assertions.assertThat(inner.events()).hasSize(1);
		assertThat(sent).sent(PostSave.class).times(2);
		org.assertj.core.api.Assertions.assertThat(this.postSave.connections()).hasSize(connected);
	}

}
