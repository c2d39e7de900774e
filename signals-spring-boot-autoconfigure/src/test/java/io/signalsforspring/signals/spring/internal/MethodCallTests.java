package io.signalsforspring.signals.spring.internal;

import java.io.IOException;
import java.lang.reflect.Method;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.SignalSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MethodCallTests {

	private final Signal orderPlaced = new Signal(SignalSpec.named("order_placed")
		.argument("order", String.class)
		.argument("quantity", Integer.class)
		.argument("gift", Boolean.class)
		.argument("note", String.class)
		.argument("shop", String.class));

	private final SignalEvent event = this.orderPlaced.event(this, "A-1", 2, true, "thanks", "Lyon");

	private final Orders orders = new Orders();

	@Test
	void aPrivateMethodWithPrimitiveParametersIsCalledDirectlyOnceCalledOftenAndReturnsItsResult() throws Throwable {
		MethodCall call = call("describe", String.class, int.class);
		ParameterBinding[] bindings = bindings("describe", String.class, int.class);
		for (int i = 0; i < MethodCall.DIRECT_AFTER; i++) {
			assertThat(((MethodCall.BecomingDirect) call).isDirect()).isFalse();
			assertThat(call.call(bindings, this.event)).isEqualTo("A-1 x2");
		}
		assertThat(((MethodCall.BecomingDirect) call).isDirect()).isTrue();
		assertThat(call.call(bindings, this.event)).isEqualTo("A-1 x2");
	}

	@Test
	void aVoidMethodIsCalledDirectlyOnceCalledOftenAndAnswersNull() throws Throwable {
		MethodCall call = call("remember", String.class);
		ParameterBinding[] bindings = bindings("remember", String.class);
		for (int i = 0; i <= MethodCall.DIRECT_AFTER; i++) {
			this.orders.remembered = "";
			assertThat(call.call(bindings, this.event)).isNull();
			assertThat(this.orders.remembered).isEqualTo("A-1");
		}
		assertThat(((MethodCall.BecomingDirect) call).isDirect()).isTrue();
	}

	@Test
	void aMethodOfFiveParametersStaysWithTheMethodHandle() throws Throwable {
		Class<?>[] types = { String.class, int.class, boolean.class, String.class, String.class };
		MethodCall call = call("all", types);
		assertThat(call).isNotInstanceOf(MethodCall.BecomingDirect.class);
		assertThat(call.call(bindings("all", types), this.event)).isEqualTo("A-1 2 true thanks Lyon");
	}

	@Test
	void aCheckedExceptionReachesTheCallerAsItWasThrownBeforeAndAfterTheCallIsDirect() throws Exception {
		MethodCall call = call("fail", String.class);
		ParameterBinding[] bindings = bindings("fail", String.class);
		for (int i = 0; i <= MethodCall.DIRECT_AFTER; i++) {
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> call.call(bindings, this.event))
				.withMessage("disk full for A-1");
		}
		assertThat(((MethodCall.BecomingDirect) call).isDirect()).isTrue();
	}

	private MethodCall call(String name, Class<?>... types) throws NoSuchMethodException {
		return MethodCall.of(this.orders, Orders.class.getDeclaredMethod(name, types));
	}

	private ParameterBinding[] bindings(String name, Class<?>... types) throws NoSuchMethodException {
		Method method = Orders.class.getDeclaredMethod(name, types);
		return ParameterBinding.plan(method, this.orderPlaced, new Class<?>[0], false);
	}

	static final class Orders {

		String remembered = "";

		private String describe(String order, int quantity) {
			return order + " x" + quantity;
		}

		void remember(String order) {
			this.remembered = order;
		}

		String all(String order, int quantity, boolean gift, String note, String shop) {
			return order + " " + quantity + " " + gift + " " + note + " " + shop;
		}

		void fail(String order) throws IOException {
			throw new IOException("disk full for " + order);
		}

	}

}
