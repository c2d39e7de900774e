package io.signalsforspring.signals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltinSignalsTests {

	@Test
	void builtinSignalsKeepDjangosNames() {
		List<Signal> all = List.of(new ModelSignals.PreInit(), new ModelSignals.PostInit(), new ModelSignals.PreSave(),
				new ModelSignals.PostSave(), new ModelSignals.PreDelete(), new ModelSignals.PostDelete(),
				new ModelSignals.M2mChanged(), new ModelSignals.ClassPrepared(), new ModelSignals.PreMigrate(),
				new ModelSignals.PostMigrate(), new RequestSignals.RequestStarted(),
				new RequestSignals.RequestFinished(), new RequestSignals.GotRequestException(),
				new DatabaseSignals.ConnectionCreated(), new AuthSignals.UserLoggedIn(),
				new AuthSignals.UserLoggedOut(), new AuthSignals.UserLoginFailed());
		assertThat(all).extracting(Signal::name)
			.containsExactly("pre_init", "post_init", "pre_save", "post_save", "pre_delete", "post_delete",
					"m2m_changed", "class_prepared", "pre_migrate", "post_migrate", "request_started",
					"request_finished", "got_request_exception", "connection_created", "user_logged_in",
					"user_logged_out", "user_login_failed");
	}

	@Test
	void postSaveDeclaresDjangosArguments() {
		assertThat(new ModelSignals.PostSave().arguments()).extracting(SignalSpec.Argument::name)
			.containsExactly("instance", "created", "raw", "using", "update_fields", "previous_values");
		assertThat(new ModelSignals.PostSave().arguments()).filteredOn(SignalSpec.Argument::required)
			.extracting(SignalSpec.Argument::name)
			.containsExactly("instance", "created", "raw", "using", "update_fields");
	}

	@Test
	void deleteAndM2mSignalsDeclareDjangosArguments() {
		Stream.of(new ModelSignals.PreDelete(), new ModelSignals.PostDelete())
			.forEach((signal) -> assertThat(signal.arguments()).extracting(SignalSpec.Argument::name)
				.containsExactly("instance", "using", "origin"));
		assertThat(new ModelSignals.M2mChanged().arguments()).extracting(SignalSpec.Argument::name)
			.containsExactly("instance", "action", "reverse", "model", "pk_set", "using", "field");
	}

	@Test
	void eachInstanceOfABuiltinIsItsOwnSignal() {
		ModelSignals.PostSave one = new ModelSignals.PostSave();
		ModelSignals.PostSave other = new ModelSignals.PostSave();
		try (Connection connection = one.connect((event) -> "one")) {
			assertThat(other.hasListeners(null)).isFalse();
		}
		assertThat(one.connections()).isEmpty();
	}

}
