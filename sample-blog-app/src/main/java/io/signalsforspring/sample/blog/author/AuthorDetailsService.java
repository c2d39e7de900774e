package io.signalsforspring.sample.blog.author;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Signs authors in with their hashed password, as {@code AUTHOR}, and as {@code ADMIN}
 * too for administrators.
 */
@Service
class AuthorDetailsService implements UserDetailsService {

	private final AuthorRepository authors;

	AuthorDetailsService(AuthorRepository authors) {
		this.authors = authors;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Author author = this.authors.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No author " + username));
		String[] roles = author.isAdministrator() ? new String[] { "AUTHOR", "ADMIN" } : new String[] { "AUTHOR" };
		return User.withUsername(author.getUsername()).password(author.getPasswordHash()).roles(roles).build();
	}

}
