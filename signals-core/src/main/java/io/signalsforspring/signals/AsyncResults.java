package io.signalsforspring.signals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Gathers the per-receiver futures of an asynchronous send into one result in connection
 * order, whatever order the receivers finished in.
 */
final class AsyncResults {

	private AsyncResults() {
	}

	/**
	 * Called once every future is done. Returns the responses in connection order
	 * (skipping receivers collected before they ran), or throws the failure of the first
	 * receiver in connection order that failed, as the
	 * {@link java.util.concurrent.CompletionException} of
	 * {@link CompletableFuture#join()}.
	 */
	static List<Response> collect(List<CompletableFuture<@Nullable Response>> calls) {
		List<Response> responses = new ArrayList<>(calls.size());
		for (CompletableFuture<@Nullable Response> call : calls) {
			Response response = call.join();
			if (response != null) {
				responses.add(response);
			}
		}
		return Collections.unmodifiableList(responses);
	}

}
