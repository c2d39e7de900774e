package io.signalsforspring.signals.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * AssertJ-style assertions on {@link CapturedSignals}:
 *
 * <pre class="code">
 * assertThat(sent).sent(PostSave.class).from(Post.class).with("created", true).once();
 * assertThat(sent).sent(PreDelete.class).never();
 * </pre>
 *
 * A failing assertion lists everything that was captured.
 */
public final class SignalsAssertions {

	private SignalsAssertions() {
	}

	/**
	 * Start an assertion.
	 * @param actual what was captured
	 * @return the assertion
	 */
	public static CapturedSignalsAssert assertThat(CapturedSignals actual) {
		return new CapturedSignalsAssert(actual);
	}

	/** Assertions on a capture. */
	public static final class CapturedSignalsAssert extends AbstractAssert<CapturedSignalsAssert, CapturedSignals> {

		CapturedSignalsAssert(CapturedSignals actual) {
			super(actual, CapturedSignalsAssert.class);
		}

		/**
		 * Narrow to the sends of one signal type.
		 * @param type the signal's type
		 * @return the assertion on those sends
		 */
		public SentAssert sent(Class<? extends Signal> type) {
			isNotNull();
			return new SentAssert(this.actual, type);
		}

		/**
		 * Verify that nothing was captured.
		 * @return this assertion
		 */
		public CapturedSignalsAssert nothingSent() {
			if (!this.actual.events().isEmpty()) {
				failWithMessage("Expected no signal to be sent, but captured:%n%s", describe(this.actual.events()));
			}
			return this;
		}

	}

	/** Assertions on the sends of one signal, narrowed by sender and arguments. */
	public static final class SentAssert extends AbstractAssert<SentAssert, CapturedSignals> {

		private final Class<? extends Signal> type;

		private final List<String> filters = new ArrayList<>();

		private Predicate<SignalEvent> matching;

		SentAssert(CapturedSignals actual, Class<? extends Signal> type) {
			super(actual, SentAssert.class);
			this.type = type;
			this.matching = (event) -> type.isInstance(event.signal());
		}

		/**
		 * Keep sends from this sender (by identity, as signals match senders).
		 * @param sender the sender, typically an entity class
		 * @return this assertion
		 */
		public SentAssert from(Object sender) {
			this.filters.add("from " + sender);
			this.matching = this.matching.and((event) -> event.sender() == sender);
			return this;
		}

		/**
		 * Keep sends with this argument value ({@code equals}).
		 * @param name the argument's name
		 * @param value the expected value, possibly {@code null}
		 * @return this assertion
		 */
		public SentAssert with(String name, @Nullable Object value) {
			this.filters.add(name + " = " + value);
			this.matching = this.matching.and((event) -> event.has(name) && Objects.equals(event.get(name), value));
			return this;
		}

		/**
		 * Verify exactly one matching send.
		 * @return this assertion
		 */
		public SentAssert once() {
			return times(1);
		}

		/**
		 * Verify that no send matches.
		 * @return this assertion
		 */
		public SentAssert never() {
			return times(0);
		}

		/**
		 * Verify the number of matching sends.
		 * @param expected how many
		 * @return this assertion
		 */
		public SentAssert times(int expected) {
			long count = this.actual.events().stream().filter(this.matching).count();
			if (count != expected) {
				failWithMessage("Expected %s%s to be sent %d time(s), but it was sent %d time(s). Captured:%n%s",
						this.type.getSimpleName(), this.filters.isEmpty() ? "" : " " + String.join(", ", this.filters),
						expected, count, describe(this.actual.events()));
			}
			return this;
		}

		/**
		 * Verify at least one matching send.
		 * @return this assertion
		 */
		public SentAssert atLeastOnce() {
			if (this.actual.events().stream().noneMatch(this.matching)) {
				failWithMessage("Expected %s%s to be sent, but it was not. Captured:%n%s", this.type.getSimpleName(),
						this.filters.isEmpty() ? "" : " " + String.join(", ", this.filters),
						describe(this.actual.events()));
			}
			return this;
		}

	}

	private static String describe(List<SignalEvent> events) {
		if (events.isEmpty()) {
			return "  (nothing)";
		}
		StringBuilder text = new StringBuilder();
		for (SignalEvent event : events) {
			text.append("  ").append(event.signal().name()).append(" from ").append(event.sender()).append(' ');
			text.append(event.arguments()).append(System.lineSeparator());
		}
		return text.toString();
	}

}
