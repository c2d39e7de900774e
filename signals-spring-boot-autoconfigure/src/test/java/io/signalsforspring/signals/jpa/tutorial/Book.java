package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Seed 004's book. Its author is a foreign key here, so the author's row cannot be
 * deleted while a book refers to it.
 */
@Entity
@Table(name = "tutorial_book")
public class Book {

	@Id
	@GeneratedValue
	private Long id;

	private String title;

	private String status = "Drafted";

	@ManyToOne(optional = false)
	private Writer author;

	protected Book() {
	}

	public Book(String title, Writer author) {
		this.title = title;
		this.author = author;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public String getStatus() {
		return this.status;
	}

	public void publish() {
		this.status = "Published";
	}

	public Writer getAuthor() {
		return this.author;
	}

}
