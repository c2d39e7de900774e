package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.ModelSignals.PostSave;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.annotation.ReflectiveRuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints Spring's AOT processing derives from {@link Receiver @Receiver}, so that a
 * native image still finds receiver methods and the signal constants they name.
 */
class ReceiverRuntimeHintsTests {

	@Test
	void receiverMethodsAndTheSignalConstantsTheyNameAreReflectivelyReachable() {
		RuntimeHints hints = new RuntimeHints();
		new ReflectiveRuntimeHintsRegistrar().registerRuntimeHints(hints, Receivers.class);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Receivers.class, "ship")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Receivers.class, "profile")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(BookPublished.class)
			.withMemberCategory(MemberCategory.ACCESS_PUBLIC_FIELDS)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Receivers.class, "notAReceiver"))
			.rejects(hints);
	}

	static class Receivers {

		@Receiver(BookPublished.class)
		void ship(String book) {
		}

		@Receiver(signal = PostSave.class, phase = Phase.AFTER_COMMIT)
		void profile(Object instance) {
		}

		void notAReceiver() {
		}

	}

}
