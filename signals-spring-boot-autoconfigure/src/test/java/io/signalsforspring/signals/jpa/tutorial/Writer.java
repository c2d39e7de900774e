package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Seed 004's author (named Writer here: the blog tests have an Author entity). */
@Entity
@Table(name = "tutorial_writer")
public class Writer {

	@Id
	@GeneratedValue
	private Long id;

	private String fullName;

	protected Writer() {
	}

	public Writer(String fullName) {
		this.fullName = fullName;
	}

	public Long getId() {
		return this.id;
	}

	public String getFullName() {
		return this.fullName;
	}

}
