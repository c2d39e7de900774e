package io.signalsforspring.signals.jpa.units.entries;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The entity of the second persistence unit. */
@Entity
@Table(name = "units_entry")
public class Entry {

	@Id
	@GeneratedValue
	private Long id;

	private String text;

	protected Entry() {
	}

	public Entry(String text) {
		this.text = text;
	}

	public String getText() {
		return this.text;
	}

}
