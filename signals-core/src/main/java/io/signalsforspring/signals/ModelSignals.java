package io.signalsforspring.signals;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Django's model signals ({@code django.db.models.signals}) with their documented
 * arguments. The Hibernate bridge of the Spring Boot starter sends them; each application
 * context has its own instance of each, so two contexts never see each other's saves.
 *
 * <p>
 * The sender of every model signal is the entity's class (never a Hibernate proxy class).
 * Argument names are Django's.
 */
public final class ModelSignals {

	private ModelSignals() {
	}

	/** {@code pre_init}: an entity is being loaded; arguments {@code id}. */
	public static final class PreInit extends Signal {

		/** Create the signal. */
		public PreInit() {
			super(SignalSpec.named("pre_init").argument("id", Object.class));
		}

	}

	/** {@code post_init}: an entity was loaded; arguments {@code instance}. */
	public static final class PostInit extends Signal {

		/** Create the signal. */
		public PostInit() {
			super(SignalSpec.named("post_init").argument("instance", Object.class));
		}

	}

	/**
	 * {@code pre_save}: an entity is about to be inserted or updated; arguments
	 * {@code instance}, {@code raw}, {@code using}, {@code update_fields} and, on update,
	 * {@code previous_values}. An exception from a receiver aborts the write.
	 */
	public static final class PreSave extends Signal {

		/** Create the signal. */
		public PreSave() {
			super(SignalSpec.named("pre_save")
				.argument("instance", Object.class)
				.argument("raw", Boolean.class)
				.argument("using", String.class)
				.argument("update_fields", Set.class)
				.optionalArgument("previous_values", Map.class));
		}

	}

	/**
	 * {@code post_save}: an entity was inserted ({@code created} is {@code true}) or
	 * updated; arguments {@code instance}, {@code created}, {@code raw}, {@code using},
	 * {@code update_fields} and, on update, {@code previous_values}.
	 */
	public static final class PostSave extends Signal {

		/** Create the signal. */
		public PostSave() {
			super(SignalSpec.named("post_save")
				.argument("instance", Object.class)
				.argument("created", Boolean.class)
				.argument("raw", Boolean.class)
				.argument("using", String.class)
				.argument("update_fields", Set.class)
				.optionalArgument("previous_values", Map.class));
		}

	}

	/**
	 * {@code pre_delete}: an entity is about to be deleted; arguments {@code instance},
	 * {@code using}, {@code origin}. An exception from a receiver aborts the delete.
	 */
	public static final class PreDelete extends Signal {

		/** Create the signal. */
		public PreDelete() {
			super(SignalSpec.named("pre_delete")
				.argument("instance", Object.class)
				.argument("using", String.class)
				.argument("origin", Object.class));
		}

	}

	/**
	 * {@code post_delete}: an entity was deleted (its id is still set); arguments
	 * {@code instance}, {@code using}, {@code origin}.
	 */
	public static final class PostDelete extends Signal {

		/** Create the signal. */
		public PostDelete() {
			super(SignalSpec.named("post_delete")
				.argument("instance", Object.class)
				.argument("using", String.class)
				.argument("origin", Object.class));
		}

	}

	/**
	 * {@code m2m_changed}: a many-to-many collection changed; sender the class of the
	 * entity that holds the collection; arguments {@code instance}, {@code action}
	 * ({@code pre_add}, {@code post_add}, {@code pre_remove}, {@code post_remove},
	 * {@code pre_clear}, {@code post_clear}), {@code reverse}, {@code model},
	 * {@code pk_set} ({@code null} for a clear), {@code using} and {@code field} (the
	 * collection's property name, standing in for Django's through model).
	 */
	public static final class M2mChanged extends Signal {

		/** Create the signal. */
		public M2mChanged() {
			super(SignalSpec.named("m2m_changed")
				.argument("instance", Object.class)
				.argument("action", String.class)
				.argument("reverse", Boolean.class)
				.argument("model", Class.class)
				.argument("pk_set", Set.class)
				.argument("using", String.class)
				.argument("field", String.class));
		}

	}

	/** {@code class_prepared}: an entity type is ready; no arguments but the sender. */
	public static final class ClassPrepared extends Signal {

		/** Create the signal. */
		public ClassPrepared() {
			super(SignalSpec.named("class_prepared"));
		}

	}

	/**
	 * {@code pre_migrate}: schema migrations are about to run; arguments {@code using},
	 * {@code plan} (the pending migrations).
	 */
	public static final class PreMigrate extends Signal {

		/** Create the signal. */
		public PreMigrate() {
			super(SignalSpec.named("pre_migrate").argument("using", String.class).argument("plan", List.class));
		}

	}

	/**
	 * {@code post_migrate}: schema migrations ran; arguments {@code using}, {@code plan}
	 * (the migrations applied).
	 */
	public static final class PostMigrate extends Signal {

		/** Create the signal. */
		public PostMigrate() {
			super(SignalSpec.named("post_migrate").argument("using", String.class).argument("plan", List.class));
		}

	}

}
