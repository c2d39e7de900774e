package io.signalsforspring.sample.blog.author;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * Someone who writes posts and signs in, with the role {@code AUTHOR}, and {@code ADMIN}
 * too when they are an {@link #isAdministrator() administrator}. Registering one creates
 * their {@link Profile} through a {@code post_save} receiver.
 */
@Entity
public class Author {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String email;

	private boolean administrator;

	protected Author() {
	}

	Author(String username, String passwordHash, String email) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.email = email;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public String getEmail() {
		return this.email;
	}

	/**
	 * Whether this author also operates the blog: sees the mailbox and the delivery and
	 * broadcast endpoints. Authors who register themselves are not administrators.
	 * @return whether they are an administrator
	 */
	public boolean isAdministrator() {
		return this.administrator;
	}

	void makeAdministrator() {
		this.administrator = true;
	}

}
