package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** Created by a post_save receiver when a user is created. */
@Entity
@Table(name = "tutorial_profile")
public class Profile {

	@Id
	@GeneratedValue
	private Long id;

	@OneToOne(optional = false)
	private User user;

	protected Profile() {
	}

	public Profile(User user) {
		this.user = user;
	}

	public User getUser() {
		return this.user;
	}

}
