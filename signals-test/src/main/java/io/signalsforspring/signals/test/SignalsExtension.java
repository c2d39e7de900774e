package io.signalsforspring.signals.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.signalsforspring.signals.Scope;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit extension behind {@link CaptureSignals @CaptureSignals} and
 * {@link MuteSignals @MuteSignals}: before each test it mutes and captures the signals of
 * the test's Spring application context; after it, it undoes both.
 */
final class SignalsExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SignalsExtension.class);

	@Override
	public void beforeEach(ExtensionContext extension) {
		ApplicationContext context = SpringExtension.getApplicationContext(extension);
		List<Scope> scopes = new ArrayList<>();
		for (MuteSignals mute : mutings(extension)) {
			scopes.add(SignalsTesting.mute(context, mute.value()));
			if (mute.modelSignals()) {
				scopes.add(SignalsTesting.muteModelSignals(context));
			}
		}
		CapturedSignals captured = SignalsTesting.capture(context);
		scopes.add(captured);
		extension.getStore(NAMESPACE).put(CapturedSignals.class, captured);
		extension.getStore(NAMESPACE).put(Scope.class, scopes);
	}

	private static List<MuteSignals> mutings(ExtensionContext extension) {
		List<MuteSignals> mutings = new ArrayList<>();
		extension.getTestClass()
			.map((type) -> AnnotatedElementUtils.findMergedAnnotation(type, MuteSignals.class))
			.ifPresent(mutings::add);
		Optional
			.ofNullable(
					AnnotatedElementUtils.findMergedAnnotation(extension.getRequiredTestMethod(), MuteSignals.class))
			.ifPresent(mutings::add);
		return mutings;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterEach(ExtensionContext extension) {
		List<Scope> scopes = (List<Scope>) extension.getStore(NAMESPACE).remove(Scope.class);
		if (scopes != null) {
			scopes.forEach(Scope::close);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == CapturedSignals.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		CapturedSignals captured = extension.getStore(NAMESPACE).get(CapturedSignals.class, CapturedSignals.class);
		if (captured == null) {
			throw new ParameterResolutionException("No signals are captured for " + parameter.getDeclaringExecutable()
					+ ": annotate the test class or method with @CaptureSignals");
		}
		return captured;
	}

}
