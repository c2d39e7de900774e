package io.signalsforspring.sample.blog.subscription;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A reader who is emailed about new posts. */
@Entity
public class Subscriber {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	protected Subscriber() {
	}

	Subscriber(String email) {
		this.email = email;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

}
