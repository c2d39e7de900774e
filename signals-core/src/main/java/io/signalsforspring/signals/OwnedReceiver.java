package io.signalsforspring.signals;

import java.lang.invoke.SerializedLambda;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * What {@link Receiver#bound} returns: a receiver that holds its owner weakly and is
 * equal to every other one for the same owner and the same {@link BoundReceiver} class.
 */
final class OwnedReceiver implements Receiver {

	private final WeakReference<Object> owner;

	private final BoundReceiver<Object> method;

	private final Object methodKey;

	@SuppressWarnings("unchecked")
	OwnedReceiver(Object owner, BoundReceiver<?> method) {
		this.owner = new WeakReference<>(owner);
		this.method = (BoundReceiver<Object>) method;
		this.methodKey = methodKey(method);
	}

	private static Object methodKey(BoundReceiver<?> method) {
		try {
			Method writeReplace = method.getClass().getDeclaredMethod("writeReplace");
			writeReplace.setAccessible(true);
			if (writeReplace.invoke(method) instanceof SerializedLambda lambda) {
				return lambda.getImplClass() + "." + lambda.getImplMethodName() + lambda.getImplMethodSignature();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// Not a lambda, or one whose class is not open to us: its class identifies
			// it.
		}
		return method.getClass();
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
