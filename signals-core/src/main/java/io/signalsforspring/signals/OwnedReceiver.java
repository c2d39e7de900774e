package io.signalsforspring.signals;

import java.lang.invoke.SerializedLambda;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ReceiverFunction#bound} returns: a receiver that holds its owner weakly and
 * is equal to every other one for the same owner and the same function (see
 * {@link #methodKey}).
 */
final class OwnedReceiver implements ReceiverFunction {

	private final WeakReference<Object> owner;

	private final BoundReceiver<Object> method;

	private final Object methodKey;

	@SuppressWarnings("unchecked")
	OwnedReceiver(Object owner, BoundReceiver<?> method) {
		this.owner = new WeakReference<>(owner);
		this.method = (BoundReceiver<Object>) method;
		this.methodKey = methodKey(method);
	}

	/**
	 * What makes two bound functions the same: for a method reference or lambda, the
	 * method it runs and the values it captured (two evaluations of {@code Owner::method}
	 * are one function, two lambdas capturing different values are two); for any other
	 * function object, the object itself, by its own {@code equals}.
	 */
	private static Object methodKey(BoundReceiver<?> method) {
		if (method.getClass().isSynthetic() || method.getClass().isHidden()) {
			try {
				Method writeReplace = method.getClass().getDeclaredMethod("writeReplace");
				writeReplace.setAccessible(true);
				if (writeReplace.invoke(method) instanceof SerializedLambda lambda) {
					Object[] captured = new Object[lambda.getCapturedArgCount()];
					for (int i = 0; i < captured.length; i++) {
						captured[i] = lambda.getCapturedArg(i);
					}
					return List.of(
							lambda.getImplClass() + "." + lambda.getImplMethodName() + lambda.getImplMethodSignature(),
							Arrays.asList(captured));
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// A lambda whose class is not open to us: only itself is the same.
			}
		}
		return method;
	}

	@Override
	public @Nullable Object receive(SignalEvent event) throws Exception {
		Object target = this.owner.get();
		return (target != null) ? this.method.receive(target, event) : null;
	}

	@Nullable Object owner() {
		return this.owner.get();
	}

	BoundReceiver<Object> method() {
		return this.method;
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof OwnedReceiver that)) {
			return false;
		}
		Object target = owner();
		return target != null && target == that.owner() && this.methodKey.equals(that.methodKey);
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(owner()) * 31 + this.methodKey.hashCode();
	}

	@Override
	public String toString() {
		Object target = owner();
		return this.methodKey + " bound to "
				+ ((target != null)
						? target.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(target))
						: "<collected owner>");
	}

}
