package io.signalsforspring.signals.jpa.blog;

import jakarta.persistence.Entity;

/** A subclass entity: it is its own sender. */
@Entity
public class FeaturedPost extends Post {

	protected FeaturedPost() {
	}

	public FeaturedPost(String title) {
		super(title);
	}

}
