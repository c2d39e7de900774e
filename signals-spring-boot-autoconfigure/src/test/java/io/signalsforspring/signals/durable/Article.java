package io.signalsforspring.signals.durable;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An entity with a UUID id and a version, as real applications have them. */
@Entity
@Table(name = "durable_article")
public class Article {

	@Id
	@GeneratedValue
	private UUID id;

	@Version
	private long version;

	private String title;

	protected Article() {
	}

	public Article(String title) {
		this.title = title;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

}
