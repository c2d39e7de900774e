package io.signalsforspring.sample.blog.author;

import io.signalsforspring.sample.blog.system.UniqueViolation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers authors with hashed passwords.
 */
@Service
public class AuthorService {

	private final AuthorRepository authors;

	private final PasswordEncoder passwords;

	AuthorService(AuthorRepository authors, PasswordEncoder passwords) {
		this.authors = authors;
		this.passwords = passwords;
	}

	/**
	 * Register an author; their profile is created by a {@code post_save} receiver.
	 * @param username the user name
	 * @param password the password, stored hashed
	 * @param email where comment notifications go
	 * @return the author
	 * @throws UsernameTakenException if the user name is taken
	 */
	@Transactional
	public Author register(String username, String password, String email) {
		if (this.authors.existsByUsername(username)) {
			throw new UsernameTakenException(username);
		}
		try {
			return this.authors.save(new Author(username, this.passwords.encode(password), email));
		}
		catch (DataIntegrityViolationException ex) {
			if (UniqueViolation.causedBy(ex)) {
				throw new UsernameTakenException(username);
			}
			throw ex;
		}
	}

	/**
	 * Make a registered author an administrator; idempotent.
	 * @param username the user name
	 */
	@Transactional
	public void makeAdministrator(String username) {
		this.authors.findByUsername(username).orElseThrow().makeAdministrator();
	}

	/** Thrown when a user name is already registered. */
	public static class UsernameTakenException extends RuntimeException {

		UsernameTakenException(String username) {
			super("User name '" + username + "' is taken");
		}

	}

}
