package io.signalsforspring.signals.spring;

import io.signalsforspring.signals.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ReceiverErrorHandler}: logs each failure at ERROR, with its stack
 * trace, on the {@value Signal#LOGGER_NAME} logger, naming the signal, sender, receiver
 * and phase.
 */
public final class LoggingReceiverErrorHandler implements ReceiverErrorHandler {

	private static final Logger logger = LoggerFactory.getLogger(Signal.LOGGER_NAME);

	@Override
	public void handleError(ReceiverFailure failure) {
		logger.error(failure.toString(), failure.exception());
	}

}
