package io.signalsforspring.signals;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import org.jspecify.annotations.Nullable;

/**
 * The read-only list a send to one receiver returns: the connection and the value, with
 * the {@link Response} made when it is read. A send whose caller ignores its responses
 * pays for this one object only.
 */
final class OneResponse extends AbstractList<Response> implements RandomAccess {

	private final Connection connection;

	private final @Nullable Object value;

	private OneResponse(Connection connection, @Nullable Object value) {
		this.connection = connection;
		this.value = value;
	}

	/**
	 * The responses of a send to one receiver that returned.
	 * @param connection the receiver's connection
	 * @param value what it returned
	 * @param noValue the connection's list for a {@code null} value, shared by its sends
	 * @return the list
	 */
	static List<Response> of(Connection connection, @Nullable Object value, List<Response> noValue) {
		return (value != null) ? new OneResponse(connection, value) : noValue;
	}

	@Override
	public Response get(int index) {
		Objects.checkIndex(index, 1);
		return new Response(this.connection, this.value, null);
	}

	@Override
	public int size() {
		return 1;
	}

}
