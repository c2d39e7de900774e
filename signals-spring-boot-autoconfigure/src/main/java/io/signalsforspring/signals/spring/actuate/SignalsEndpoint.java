package io.signalsforspring.signals.spring.actuate;

import java.util.List;

import io.signalsforspring.signals.Connection;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.spring.internal.ReceiverDescription;
import io.signalsforspring.signals.spring.internal.SignalCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code signals} actuator endpoint ({@code GET /actuator/signals}): every signal of
 * the application context, its declared arguments, and its receivers in calling order,
 * with their bean, method, sender filter, phase, async flag, order, condition, dispatch
 * uid and their call and error counts. Exposed like any endpoint, through
 * {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "signals")
public class SignalsEndpoint {

	private final SignalCatalog catalog;

	private final ReceiverStatistics statistics;

	/**
	 * Create the endpoint.
	 * @param catalog the context's signals
	 * @param statistics the call counts
	 */
	public SignalsEndpoint(SignalCatalog catalog, ReceiverStatistics statistics) {
		this.catalog = catalog;
		this.statistics = statistics;
	}

	/**
	 * Describe the signals and their receivers.
	 * @return the description
	 */
	@ReadOperation
	public SignalsDescriptor signals() {
		return new SignalsDescriptor(this.catalog.signals().stream().map(this::describe).toList());
	}

	private SignalDescriptor describe(Signal signal) {
		List<ArgumentDescriptor> arguments = signal.arguments().stream().map(ArgumentDescriptor::of).toList();
		List<ReceiverDescriptor> receivers = signal.connections().stream().map(this::describe).toList();
		return new SignalDescriptor(signal.name(), signal.getClass().getName(), arguments, receivers);
	}

	private ReceiverDescriptor describe(Connection connection) {
		ReceiverDescription description = ReceiverDescription.of(connection);
		Object sender = connection.sender();
		String senderName = (sender == null) ? null
				: (sender instanceof Class<?> type) ? type.getName() : String.valueOf(sender);
		return new ReceiverDescriptor(description.receiver(), description.bean(), description.method(), senderName,
				description.phase().name(), description.async(), description.durable(), description.cluster().name(),
				description.order(), description.condition(), connection.dispatchUid(),
				this.statistics.calls(connection), this.statistics.errors(connection));
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param signals the signals, by name
	 */
	public record SignalsDescriptor(List<SignalDescriptor> signals) implements OperationResponseBody {
	}

	/**
	 * One signal.
	 *
	 * @param name its name
	 * @param type its class
	 * @param arguments the arguments it declares
	 * @param receivers its receivers, in calling order
	 */
	public record SignalDescriptor(String name, String type, List<ArgumentDescriptor> arguments,
			List<ReceiverDescriptor> receivers) {
	}

	/**
	 * One declared argument.
	 *
	 * @param name the name
	 * @param type the type of its values
	 * @param required whether every send passes it
	 */
	public record ArgumentDescriptor(String name, String type, boolean required) {

		static ArgumentDescriptor of(SignalSpec.Argument argument) {
			return new ArgumentDescriptor(argument.name(), argument.type().getName(), argument.required());
		}

	}

	/**
	 * One receiver.
	 *
	 * @param receiver what it is: {@code bean#method(parameter types)} for a receiver
	 * method
	 * @param bean the bean, for a receiver method
	 * @param method the method, for a receiver method
	 * @param sender the sender it is limited to, if any
	 * @param phase when it runs
	 * @param async whether it runs on the signals executor
	 * @param durable whether its deliveries are recorded, retried and survive restarts
	 * @param cluster where it runs when the application runs as several instances:
	 * {@code LOCAL}, {@code ONE_INSTANCE} or {@code EVERY_INSTANCE}
	 * @param order its order, for a receiver method
	 * @param condition its condition, if any
	 * @param dispatchUid its dispatch uid, if any
	 * @param calls how often it was called
	 * @param errors how often it threw
	 */
	public record ReceiverDescriptor(String receiver, @Nullable String bean, @Nullable String method,
			@Nullable String sender, String phase, boolean async, boolean durable, String cluster,
			@Nullable Integer order, @Nullable String condition, @Nullable String dispatchUid, long calls,
			long errors) {
	}

}
