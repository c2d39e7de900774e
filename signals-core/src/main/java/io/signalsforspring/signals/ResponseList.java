package io.signalsforspring.signals;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The read-only list a send returns: a view of the first {@code size} slots of the array
 * the send filled, which nobody else holds. One allocation instead of a copy and a
 * wrapper.
 */
final class ResponseList extends AbstractList<Response> implements RandomAccess {

	private final Response[] responses;

	private final int size;

	ResponseList(Response[] responses, int size) {
		this.responses = responses;
		this.size = size;
	}

	@Override
	public Response get(int index) {
		Objects.checkIndex(index, this.size);
		return this.responses[index];
	}

	@Override
	public int size() {
		return this.size;
	}

}
