package io.signalsforspring.sample.blog.author;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;

/**
 * An author's public profile, created by {@link ProfileReceivers} when the author is.
 */
@Entity
public class Profile {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@OneToOne
	private Author author;

	private String displayName;

	private String bio;

	protected Profile() {
	}

	Profile(Author author) {
		this.author = author;
		this.displayName = author.getUsername();
		this.bio = "";
	}

	public Author getAuthor() {
		return this.author;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getBio() {
		return this.bio;
	}

}
