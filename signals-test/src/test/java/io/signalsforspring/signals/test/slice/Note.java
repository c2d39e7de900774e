package io.signalsforspring.signals.test.slice;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The entity of the JPA slice tests. */
@Entity
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	protected Note() {
	}

	Note(String text) {
		this.text = text;
	}

	Long getId() {
		return this.id;
	}

	@Override
	public String toString() {
		return "Note " + this.text;
	}

}
