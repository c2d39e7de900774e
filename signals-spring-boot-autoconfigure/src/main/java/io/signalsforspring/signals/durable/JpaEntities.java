package io.signalsforspring.signals.durable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.DirectFieldAccessor;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Entities of one JPA persistence unit, named as JPA names them
 * ({@code @Entity(name = …)}, by default the simple class name), so that moving an entity
 * class to another package does not strand its deliveries. Loads through the entity
 * manager of the current transaction.
 */
final class JpaEntities implements Entities {

	private final EntityManagerFactory factory;

	private final JsonMapper json;

	private final Map<Class<?>, EntityType<?>> byType = new ConcurrentHashMap<>();

	private final Map<String, EntityType<?>> byName = new ConcurrentHashMap<>();

	JpaEntities(EntityManagerFactory factory, JsonMapper json) {
		this.factory = factory;
		this.json = json;
		for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
			this.byType.put(entity.getJavaType(), entity);
			this.byName.put(entity.getName(), entity);
		}
	}

	@Override
	public @Nullable String nameOf(Class<?> type) {
		EntityType<?> entity = entityOf(type);
		return (entity != null) ? entity.getName() : null;
	}

	private @Nullable EntityType<?> entityOf(Class<?> type) {
		for (Class<?> candidate = type; candidate != null
				&& candidate != Object.class; candidate = candidate.getSuperclass()) {
			EntityType<?> entity = this.byType.get(candidate);
			if (entity != null) {
				return entity;
			}
		}
		return null;
	}

	@Override
	public @Nullable Object idOf(Object entity) {
		return this.factory.getPersistenceUnitUtil().getIdentifier(entity);
	}

	@Override
	public Class<?> type(String name) {
		EntityType<?> entity = entity(name);
		return entity.getJavaType();
	}

	@Override
	public Object load(String name, JsonNode id) {
		EntityType<?> entity = entity(name);
		Object key = key(entity, id);
		EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(this.factory);
		if (entityManager == null) {
			throw new IllegalStateException("Entities of deliveries are loaded in a transaction; none is active");
		}
		Object loaded = entityManager.find(entity.getJavaType(), key);
		if (loaded == null) {
			throw new UnreadableDeliveryException.EntityGone(name + " " + id + " no longer exists");
		}
		return loaded;
	}

	@Override
	public Object deleted(String name, JsonNode id) {
		EntityType<?> entity = entity(name);
		Object key = key(entity, id);
		try {
			Object instance = ReflectionUtils.accessibleConstructor(entity.getJavaType()).newInstance();
			new DirectFieldAccessor(instance).setPropertyValue(entity.getId(entity.getIdType().getJavaType()).getName(),
					key);
			return instance;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new UnreadableDeliveryException(
					"the deleted " + name + " " + id + " cannot be rebuilt with its id: " + ex.getMessage());
		}
	}

	private EntityType<?> entity(String name) {
		EntityType<?> entity = this.byName.get(name);
		if (entity == null) {
			throw new UnreadableDeliveryException("no entity is named " + name);
		}
		return entity;
	}

	private Object key(EntityType<?> entity, JsonNode id) {
		return this.json.treeToValue(id, entity.getIdType().getJavaType());
	}

}
