package io.signalsforspring.signals.jpa.units.notes;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity of the first persistence unit. */
@Entity
@Table(name = "units_note")
public class Note {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	protected Note() {
	}

	public Note(String text) {
		this.text = text;
	}

	public String getText() {
		return this.text;
	}

}
