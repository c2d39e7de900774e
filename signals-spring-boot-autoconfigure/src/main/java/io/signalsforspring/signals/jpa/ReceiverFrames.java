package io.signalsforspring.signals.jpa;

import java.util.List;
import java.util.Set;

/**
 * Finds, on the current stack, the receiver that is running: for error messages only, so
 * that a send costs nothing for them. The receiver is the frame just above the
 * dispatcher's frames ({@code Signal}, and the starter's {@code MethodReceiver} and
 * {@code MethodCall} with its nested classes).
 */
final class ReceiverFrames {

	private static final Set<String> DISPATCH = Set.of("io.signalsforspring.signals.Signal",
			"io.signalsforspring.signals.spring.internal.MethodReceiver");

	private static final String METHOD_CALL = "io.signalsforspring.signals.spring.internal.MethodCall";

	private ReceiverFrames() {
	}

	/**
	 * Describe the receiver that called into the code calling this method.
	 * @return {@code Type.method()} of the receiver, or "A receiver" when the stack does
	 * not show one
	 */
	static String caller() {
		List<StackWalker.StackFrame> frames = StackWalker.getInstance().walk((stack) -> stack.toList());
		for (int i = 1; i < frames.size(); i++) {
			if (isDispatch(frames.get(i)) && !isDispatch(frames.get(i - 1))) {
				StackWalker.StackFrame receiver = frames.get(i - 1);
				String type = receiver.getClassName().split("\\$\\$")[0];
				return "Receiver " + type.substring(type.lastIndexOf('.') + 1) + "." + receiver.getMethodName() + "()";
			}
		}
		return "A receiver";
	}

	private static boolean isDispatch(StackWalker.StackFrame frame) {
		String name = frame.getClassName();
		return DISPATCH.contains(name) || name.startsWith(METHOD_CALL);
	}

}
