package io.signalsforspring.sample.blog.post;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an author writes: the same rules for the form and the JSON API.
 *
 * @param title the title, 1 to 200 characters
 * @param content the text, 1 to 20,000 characters
 * @param tags up to 10 tags of up to 30 letters, digits or dashes; may be {@code null}
 * @param status {@code PUBLISHED} (the default when {@code null}) or {@code DRAFT}
 */
public record PostContent(@NotBlank(message = "Give the post a title") @Size(max = 200) String title,
		@NotBlank(message = "Write something") @Size(max = 20_000) String content,
		@Size(max = 10) List<@Pattern(regexp = "[A-Za-z0-9-]{1,30}",
				message = "tags are 1 to 30 letters, digits or dashes") String> tags,
		PostStatus status) {

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
