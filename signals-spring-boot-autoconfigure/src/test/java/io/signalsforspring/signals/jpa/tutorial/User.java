package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Seed 002's user, with Hibernate's default id: a SEQUENCE, inserted at flush. */
@Entity
@Table(name = "tutorial_user")
public class User {

	@Id
	@GeneratedValue
	private Long id;

	private String username;

	protected User() {
	}

	public User(String username) {
		this.username = username;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

}
