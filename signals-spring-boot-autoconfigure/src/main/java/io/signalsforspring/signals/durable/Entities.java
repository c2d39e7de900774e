package io.signalsforspring.signals.durable;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How entities are stored in a delivery record: by entity name and id, and loaded fresh
 * when the delivery runs. Created by the auto-configuration.
 */
public interface Entities {

	/**
	 * The entities of a JPA persistence unit.
	 * @param factory the persistence unit
	 * @param json the mapper that reads ids back
	 * @return its entities
	 */
	static Entities jpa(EntityManagerFactory factory, JsonMapper json) {
		return new JpaEntities(factory, json);
	}

	/** For applications without JPA: nothing is an entity. */
	Entities NONE = new Entities() {

		@Override
		public @Nullable String nameOf(Class<?> type) {
			return null;
		}

		@Override
		public @Nullable Object idOf(Object entity) {
			return null;
		}

		@Override
		public Class<?> type(String name) {
			throw new UnreadableDeliveryException("entity " + name + " is not known (no JPA)");
		}

		@Override
		public Object load(String name, JsonNode id) {
			throw new UnreadableDeliveryException("entity " + name + " is not known (no JPA)");
		}

		@Override
		public Object deleted(String name, JsonNode id) {
			throw new UnreadableDeliveryException("entity " + name + " is not known (no JPA)");
		}

	};

	/**
	 * Return the entity name of a type, or of the entity class a proxy extends.
	 * @param type the type
	 * @return the name, or {@code null} if the type is not an entity
	 */
	@Nullable String nameOf(Class<?> type);

	/**
	 * Return the id of an entity.
	 * @param entity the entity
	 * @return the id, or {@code null} if the entity has none yet
	 */
	@Nullable Object idOf(Object entity);

	/**
	 * Return the class of the entity with this name.
	 * @param name the entity name
	 * @return the class
	 * @throws IllegalStateException (an unreadable delivery) if there is none
	 */
	Class<?> type(String name);

	/**
	 * Load an entity, in the current transaction.
	 * @param name the entity name
	 * @param id the stored id
	 * @return the entity
	 * @throws IllegalStateException (an unreadable delivery) if the entity type is
	 * unknown or the row is gone
	 */
	Object load(String name, JsonNode id);

	/**
	 * Return a deleted entity as the receivers of {@code pre_delete} and
	 * {@code post_delete} get it once its row is gone: a new, detached instance with only
	 * its id set.
	 * @param name the entity name
	 * @param id the stored id
	 * @return the instance
	 * @throws IllegalStateException (an unreadable delivery) if the entity type is
	 * unknown
	 */
	Object deleted(String name, JsonNode id);

}
