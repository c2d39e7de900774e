package io.signalsforspring.signals.spring.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import io.signalsforspring.signals.SignalEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * How a {@link MethodReceiver} calls its method with the values its bindings take from an
 * event. A method is first called through a method handle. Once it has been called
 * {@value #DIRECT_AFTER} times, it is called through a class made for it by
 * {@link LambdaMetafactory}, as a lambda would be, which the JIT compiles as a plain
 * call. Making that class costs a fraction of a millisecond, so it is made only for
 * receivers that are called often, as the JDK's reflection does for
 * {@code Method.invoke}. A method with more than four parameters, or one the starter's
 * classes cannot link to (such as an application class reloaded by DevTools), stays with
 * the method handle.
 */
@FunctionalInterface
interface MethodCall {

	/** The calls through the method handle before the direct call is made. */
	int DIRECT_AFTER = 16;

	/**
	 * Call the method.
	 * @param bindings how each parameter gets its value
	 * @param event the event to take the values from
	 * @return what the method returned; {@code null} for a {@code void} method
	 * @throws Throwable whatever the method throws
	 */
	@Nullable Object call(ParameterBinding[] bindings, SignalEvent event) throws Throwable;

	/**
	 * Make the call of a method on a bean.
	 * @param bean the bean
	 * @param method the method, accessible from its declaring class
	 * @return the call
	 */
	static MethodCall of(Object bean, Method method) {
		MethodCall handle = throughHandle(bean, method);
		return (method.getParameterCount() <= 4) ? new BecomingDirect(bean, method, handle) : handle;
	}

	/**
	 * A call through the method handle that becomes a direct call once the method has
	 * been called {@value #DIRECT_AFTER} times. The count is not exact under concurrency,
	 * which only moves the moment.
	 */
	final class BecomingDirect implements MethodCall {

		private final Object bean;

		private final Method method;

		private final MethodCall handle;

		private volatile @Nullable MethodCall direct;

		private int calls;

		BecomingDirect(Object bean, Method method, MethodCall handle) {
			this.bean = bean;
			this.method = method;
			this.handle = handle;
		}

		@Override
		public @Nullable Object call(ParameterBinding[] bindings, SignalEvent event) throws Throwable {
			MethodCall current = this.direct;
			if (current != null) {
				return current.call(bindings, event);
			}
			if (++this.calls == DIRECT_AFTER) {
				MethodCall made = DirectCalls.of(this.bean, this.method);
				this.direct = (made != null) ? made : this.handle;
			}
			return this.handle.call(bindings, event);
		}

		/** Whether the direct call has been made, for tests. */
		boolean isDirect() {
			MethodCall current = this.direct;
			return current != null && current != this.handle;
		}

	}

	/**
	 * A handle of type {@code (Object...)Object} with the method's arity, bound to the
	 * bean, so that calls of up to four parameters need no argument array; longer
	 * parameter lists take an array.
	 */
	private static MethodCall throughHandle(Object bean, Method method) {
		ReflectionUtils.makeAccessible(method);
		MethodHandle handle;
		int count = method.getParameterCount();
		try {
			handle = MethodHandles.lookup().unreflect(method).bindTo(bean).asType(MethodType.genericMethodType(count));
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("cannot access the method: " + ex.getMessage(), ex);
		}
		return switch (count) {
			case 0 -> (bindings, event) -> (Object) handle.invokeExact();
			case 1 -> (bindings, event) -> (Object) handle.invokeExact(bindings[0].value(event));
			case 2 ->
				(bindings, event) -> (Object) handle.invokeExact(bindings[0].value(event), bindings[1].value(event));
			case 3 -> (bindings, event) -> (Object) handle.invokeExact(bindings[0].value(event),
					bindings[1].value(event), bindings[2].value(event));
			case 4 -> (bindings, event) -> (Object) handle.invokeExact(bindings[0].value(event),
					bindings[1].value(event), bindings[2].value(event), bindings[3].value(event));
			default -> {
				MethodHandle spreader = handle.asSpreader(Object[].class, count);
				yield (bindings, event) -> {
					Object[] values = new Object[bindings.length];
					for (int i = 0; i < values.length; i++) {
						values[i] = bindings[i].value(event);
					}
					return (Object) spreader.invokeExact(values);
				};
			}
		};
	}

	/**
	 * The direct calls: one functional interface per arity and result, implemented for a
	 * method by {@link LambdaMetafactory}. Public, as the class it makes lives in the
	 * method's package and must see them.
	 */
	final class DirectCalls {

		private DirectCalls() {
		}

		/** A method of no parameters that returns a value. */
		@FunctionalInterface
		public interface Call0 {

			/**
			 * Call it.
			 * @return its result
			 */
			@Nullable Object call();

		}

		/** A method of one parameter that returns a value. */
		@FunctionalInterface
		public interface Call1 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @return its result
			 */
			@Nullable Object call(@Nullable Object a);

		}

		/** A method of two parameters that returns a value. */
		@FunctionalInterface
		public interface Call2 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 * @return its result
			 */
			@Nullable Object call(@Nullable Object a, @Nullable Object b);

		}

		/** A method of three parameters that returns a value. */
		@FunctionalInterface
		public interface Call3 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 * @param c the third argument
			 * @return its result
			 */
			@Nullable Object call(@Nullable Object a, @Nullable Object b, @Nullable Object c);

		}

		/** A method of four parameters that returns a value. */
		@FunctionalInterface
		public interface Call4 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 * @param c the third argument
			 * @param d the fourth argument
			 * @return its result
			 */
			@Nullable Object call(@Nullable Object a, @Nullable Object b, @Nullable Object c, @Nullable Object d);

		}

		/** A {@code void} method of no parameters. */
		@FunctionalInterface
		public interface Run0 {

			/** Call it. */
			void run();

		}

		/** A {@code void} method of one parameter. */
		@FunctionalInterface
		public interface Run1 {

			/**
			 * Call it.
			 * @param a the first argument
			 */
			void run(@Nullable Object a);

		}

		/** A {@code void} method of two parameters. */
		@FunctionalInterface
		public interface Run2 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 */
			void run(@Nullable Object a, @Nullable Object b);

		}

		/** A {@code void} method of three parameters. */
		@FunctionalInterface
		public interface Run3 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 * @param c the third argument
			 */
			void run(@Nullable Object a, @Nullable Object b, @Nullable Object c);

		}

		/** A {@code void} method of four parameters. */
		@FunctionalInterface
		public interface Run4 {

			/**
			 * Call it.
			 * @param a the first argument
			 * @param b the second argument
			 * @param c the third argument
			 * @param d the fourth argument
			 */
			void run(@Nullable Object a, @Nullable Object b, @Nullable Object c, @Nullable Object d);

		}

		private static final Class<?>[] CALLS = { Call0.class, Call1.class, Call2.class, Call3.class, Call4.class };

		private static final Class<?>[] RUNS = { Run0.class, Run1.class, Run2.class, Run3.class, Run4.class };

		/**
		 * The direct call of a method, or {@code null} where the JVM does not allow one
		 * (the method's class loader cannot see these interfaces, or its class is in
		 * another module than the starter).
		 */
		static @Nullable MethodCall of(Object bean, Method method) {
			try {
				return make(bean, method);
			}
			catch (Throwable ex) {
				return null;
			}
		}

		private static MethodCall make(Object bean, Method method) throws Throwable {
			Class<?> owner = method.getDeclaringClass();
			MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
			MethodHandle implementation = lookup.unreflect(method);
			int count = method.getParameterCount();
			boolean isVoid = method.getReturnType() == void.class;
			Class<?> face = (isVoid ? RUNS : CALLS)[count];
			MethodType erased = MethodType.genericMethodType(count);
			Class<?>[] parameters = new Class<?>[count];
			for (int i = 0; i < count; i++) {
				parameters[i] = ClassUtils.resolvePrimitiveIfNecessary(method.getParameterTypes()[i]);
			}
			Class<?> result = isVoid ? void.class : ClassUtils.resolvePrimitiveIfNecessary(method.getReturnType());
			boolean isStatic = Modifier.isStatic(method.getModifiers());
			MethodType captured = isStatic ? MethodType.methodType(face) : MethodType.methodType(face, owner);
			CallSite site = LambdaMetafactory.metafactory(lookup, isVoid ? "run" : "call", captured,
					isVoid ? erased.changeReturnType(void.class) : erased, implementation,
					MethodType.methodType(result, parameters));
			Object target = isStatic ? site.getTarget().invoke() : site.getTarget().invoke(bean);
			return adapt(target);
		}

		private static MethodCall adapt(Object target) {
			if (target instanceof Call0 call) {
				return (bindings, event) -> call.call();
			}
			if (target instanceof Call1 call) {
				return (bindings, event) -> call.call(bindings[0].value(event));
			}
			if (target instanceof Call2 call) {
				return (bindings, event) -> call.call(bindings[0].value(event), bindings[1].value(event));
			}
			if (target instanceof Call3 call) {
				return (bindings, event) -> call.call(bindings[0].value(event), bindings[1].value(event),
						bindings[2].value(event));
			}
			if (target instanceof Call4 call) {
				return (bindings, event) -> call.call(bindings[0].value(event), bindings[1].value(event),
						bindings[2].value(event), bindings[3].value(event));
			}
			if (target instanceof Run0 run) {
				return (bindings, event) -> {
					run.run();
					return null;
				};
			}
			if (target instanceof Run1 run) {
				return (bindings, event) -> {
					run.run(bindings[0].value(event));
					return null;
				};
			}
			if (target instanceof Run2 run) {
				return (bindings, event) -> {
					run.run(bindings[0].value(event), bindings[1].value(event));
					return null;
				};
			}
			if (target instanceof Run3 run) {
				return (bindings, event) -> {
					run.run(bindings[0].value(event), bindings[1].value(event), bindings[2].value(event));
					return null;
				};
			}
			Run4 run = (Run4) target;
			return (bindings, event) -> {
				run.run(bindings[0].value(event), bindings[1].value(event), bindings[2].value(event),
						bindings[3].value(event));
				return null;
			};
		}

	}

}
