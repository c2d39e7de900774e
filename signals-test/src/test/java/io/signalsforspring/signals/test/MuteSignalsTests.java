package io.signalsforspring.signals.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static io.signalsforspring.signals.test.SignalsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = TestApplication.class)
@CaptureSignals
class MuteSignalsTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TestApplication application;

	@Autowired
	private PostSave postSave;

	@Autowired
	private PreSave preSave;

	@BeforeEach
	void clear() {
		this.application.received.clear();
	}

	@Test
	@MuteSignals(PostSave.class)
	void mutedSignalCallsNoReceiverForTheTest(CapturedSignals sent) {
		this.postSave.send(String.class, Saves.postSave("quiet", true));
		this.preSave.send(String.class, Saves.preSave("loud"));
		assertThat(this.application.received).containsExactly("pre_save loud");
		assertThat(sent).sent(PostSave.class).never();
	}

	@Test
	@MuteSignals(modelSignals = true)
	void allModelSignalsCanBeMuted() {
		this.postSave.send(String.class, Saves.postSave("quiet", true));
		this.preSave.send(String.class, Saves.preSave("quiet"));
		assertThat(this.application.received).isEmpty();
	}

	@Test
	void mutingABlockRestoresTheReceiversAfterwards() {
		try (Scope muted = SignalsTesting.mute(this.context, PostSave.class)) {
			this.postSave.send(String.class, Saves.postSave("inside", true));
		}
		this.postSave.send(String.class, Saves.postSave("after", true));
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(10));
		assertThat(this.application.received).containsExactlyInAnyOrder("post_save after", "slowly after");
	}

	@Test
	void awaitReceiversWaitsForAsynchronousReceivers() {
		TestApplication.slow = new CountDownLatch(1);
		this.postSave.send(String.class, Saves.postSave("later", true));
		assertThat(this.application.received).containsExactly("post_save later");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> SignalsTesting.awaitReceivers(this.context, Duration.ofMillis(50)))
			.withMessage("Asynchronous receivers were still running after PT0.05S");
		TestApplication.slow.countDown();
		SignalsTesting.awaitReceivers(this.context, Duration.ofSeconds(10));
		assertThat(this.application.received).containsExactly("post_save later", "slowly later");
	}

}
