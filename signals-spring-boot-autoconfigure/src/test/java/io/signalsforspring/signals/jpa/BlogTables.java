package io.signalsforspring.signals.jpa;

import jakarta.persistence.EntityManager;

/** Empties the blog's tables, children first; to be called in a transaction. */
final class BlogTables {

	private BlogTables() {
	}

	static void deleteAll(EntityManager entityManager) {
		entityManager.createQuery("delete from Comment").executeUpdate();
		entityManager.createNativeQuery("delete from blog_post_tags").executeUpdate();
		entityManager.createQuery("delete from Post").executeUpdate();
		entityManager.createQuery("delete from Tag").executeUpdate();
		entityManager.createQuery("delete from Author").executeUpdate();
	}

}
