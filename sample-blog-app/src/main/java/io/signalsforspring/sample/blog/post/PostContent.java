package io.signalsforspring.sample.blog.post;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an author writes, and the one set of rules for it: the JSON API validates it as
 * sent, the form after splitting its tag line. The limits are the columns'.
 *
 * @param title the title, 1 to 200 characters, no control characters (no line breaks)
 * @param content the text, 1 to 20,000 characters; line breaks and tabs, but no other
 * control characters
 * @param tags up to 10 tags of 1 to 30 letters (any script), digits or dashes; may be
 * {@code null}
 * @param status {@code PUBLISHED} (the default when {@code null}) or {@code DRAFT}
 */
public record PostContent(
		@NotBlank(message = "Give the post a title") @Size(max = 200,
				message = "Keep the title to 200 characters") @Pattern(regexp = NO_CONTROL_CHARACTERS,
						message = "Write the title on one line, without control characters") String title,
		@NotBlank(message = "Write something") @Size(max = 20_000,
				message = "Keep the text to 20,000 characters") @Pattern(regexp = TEXT_CHARACTERS,
						message = "Remove the control characters from the text") String content,
		@Size(max = 10, message = "Use at most 10 tags") List<@Pattern(regexp = "[\\p{L}\\p{N}-]{1,30}",
				message = "Tags are 1 to 30 letters, digits or dashes") String> tags,
		PostStatus status) {

	/**
	 * Any character but C0 and C1 controls and the Unicode line and paragraph separators.
	 */
	static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]*";

	/**
	 * Like {@link #NO_CONTROL_CHARACTERS}, but tab, line feed and carriage return
	 * allowed.
	 */
	static final String TEXT_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]*";

	/**
	 * Return the tags, never {@code null}.
	 * @return the tags
	 */
	public List<String> tagsOrEmpty() {
		return (this.tags != null) ? this.tags : List.of();
	}

	/**
	 * Return the status, {@code PUBLISHED} unless given.
	 * @return the status
	 */
	public PostStatus statusOrPublished() {
		return (this.status != null) ? this.status : PostStatus.PUBLISHED;
	}

}
