package io.signalsforspring.signals;

import java.util.AbstractList;
import java.util.Objects;
import java.util.RandomAccess;

import org.jspecify.annotations.Nullable;

/**
 * The read-only list a send to several receivers returns: views of the first {@code size}
 * slots of the arrays the send filled, which nobody changes. A {@link Response} is made
 * when it is read, so a send whose caller ignores its responses pays for the values array
 * and this list only.
 */
final class ResponseList extends AbstractList<Response> implements RandomAccess {

	private final Connection[] connections;

	private final @Nullable Object[] values;

	private final Exception @Nullable [] errors;

	private final int size;

	ResponseList(Connection[] connections, @Nullable Object[] values, Exception @Nullable [] errors, int size) {
		this.connections = connections;
		this.values = values;
		this.errors = errors;
		this.size = size;
	}

	@Override
	public Response get(int index) {
		Objects.checkIndex(index, this.size);
		Exception error = (this.errors != null) ? this.errors[index] : null;
		return new Response(this.connections[index], this.values[index], error);
	}

	@Override
	public int size() {
		return this.size;
	}

}
