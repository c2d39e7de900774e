package io.signalsforspring.sample.blog.system;

import org.hibernate.exception.ConstraintViolationException;

import org.springframework.dao.DuplicateKeyException;

/**
 * Tells a unique-key violation (another request inserted the same value first) from other
 * failures, whatever layer wrapped it.
 */
public final class UniqueViolation {

	private UniqueViolation() {
	}

	/**
	 * Whether a unique constraint was violated.
	 * @param failure what was thrown
	 * @return {@code true} if it, or one of its causes, is a unique-key violation
	 */
	public static boolean causedBy(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DuplicateKeyException || (cause instanceof ConstraintViolationException violation
					&& violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE)) {
				return true;
			}
		}
		return false;
	}

}
