package io.signalsforspring.signals.spring.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and tags of receiver runs. Define a bean of this type to replace
 * {@link DefaultReceiverObservationConvention}, or extend that one to add a tag.
 */
public interface ReceiverObservationConvention extends ObservationConvention<ReceiverObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ReceiverObservationContext;
	}

}
