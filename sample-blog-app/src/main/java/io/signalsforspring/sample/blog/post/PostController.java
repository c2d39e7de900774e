package io.signalsforspring.sample.blog.post;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The pages: the list, the form, a post with its comments.
 */
@Controller
class PostController {

	private final PostService posts;

	private final PostList list;

	private final Validator validator;

	PostController(PostService posts, PostList list, Validator validator) {
		this.posts = posts;
		this.list = list;
		this.validator = validator;
	}

	@GetMapping({ "/", "/posts" })
	String list(Model model, Principal principal) {
		model.addAttribute("posts", this.list.published());
		model.addAttribute("drafts", (principal != null) ? this.posts.draftsOf(principal.getName()) : List.of());
		return "posts/list";
	}

	@GetMapping("/posts/new")
	String create(Model model) {
		model.addAttribute("post", new PostForm("", "", "", PostStatus.PUBLISHED));
		model.addAttribute("editing", false);
		return "posts/form";
	}

	@PostMapping("/posts")
	String create(@ModelAttribute("post") PostForm form, BindingResult result, Model model, Principal principal) {
		if (rejected(form, result, model)) {
			model.addAttribute("editing", false);
			return "posts/form";
		}
		Post post = this.posts.create(principal.getName(), form.toContent());
		return "redirect:/posts/" + post.getSlug();
	}

	@GetMapping("/posts/{slug}")
	String detail(@PathVariable String slug, Model model, Principal principal) {
		Post post = this.posts.find(slug, (principal != null) ? principal.getName() : null);
		model.addAttribute("post", post);
		model.addAttribute("comments", this.posts.commentsOf(post));
		if (!model.containsAttribute("comment")) {
			model.addAttribute("comment", new CommentForm("", ""));
		}
		return "posts/detail";
	}

	@GetMapping("/posts/{slug}/edit")
	String edit(@PathVariable String slug, Model model, Principal principal) {
		Post post = this.posts.find(slug, principal.getName());
		if (!post.getAuthor().getUsername().equals(principal.getName())) {
			throw new NotYourPostException(slug);
		}
		model.addAttribute("post", new PostForm(post.getTitle(), post.getContent(),
				String.join(" ", post.getTagNames()), post.getStatus()));
		model.addAttribute("slug", slug);
		model.addAttribute("editing", true);
		return "posts/form";
	}

	@PostMapping("/posts/{slug}")
	String update(@PathVariable String slug, @ModelAttribute("post") PostForm form, BindingResult result, Model model,
			Principal principal) {
		if (rejected(form, result, model)) {
			model.addAttribute("slug", slug);
			model.addAttribute("editing", true);
			return "posts/form";
		}
		this.posts.update(slug, principal.getName(), form.toContent());
		return "redirect:/posts/" + slug;
	}

	@PostMapping("/posts/{slug}/delete")
	String delete(@PathVariable String slug, Principal principal) {
		this.posts.delete(slug, principal.getName());
		return "redirect:/posts";
	}

	@PostMapping("/posts/{slug}/comments")
	String comment(@PathVariable String slug, @Valid @ModelAttribute("comment") CommentForm form, BindingResult result,
			Model model, Principal principal) {
		if (result.hasErrors()) {
			Post post = this.posts.find(slug, (principal != null) ? principal.getName() : null);
			model.addAttribute("post", post);
			model.addAttribute("comments", this.posts.commentsOf(post));
			return "posts/detail";
		}
		this.posts.comment(slug, form.name(), form.text());
		return "redirect:/posts/" + slug + "#comments";
	}

	/**
	 * Check the form by the rules of {@link PostContent}, the API's. On errors, the form
	 * goes back to the page with each field cut to its limit, so that a megabyte typed
	 * into the title is not sent back whole, and one message per field.
	 * @return whether the form was rejected
	 */
	private boolean rejected(PostForm form, BindingResult binding, Model model) {
		BindingResult errors = new BeanPropertyBindingResult(form.shortened(), "post");
		binding.getFieldErrors()
			.forEach((error) -> errors.rejectValue(error.getField(), "typeMismatch",
					"Choose " + error.getField() + " from the list"));
		for (ConstraintViolation<PostContent> violation : this.validator.validate(form.toContent())) {
			String field = violation.getPropertyPath().iterator().next().getName();
			if (!errors.hasFieldErrors(field)) {
				errors.rejectValue(field, "invalid", violation.getMessage());
			}
		}
		if (!errors.hasErrors()) {
			return false;
		}
		model.addAttribute("post", errors.getTarget());
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "post", errors);
		return true;
	}

	/** The form's fields; tags are typed as one line, separated by spaces or commas. */
	record PostForm(String title, String content, String tags, PostStatus status) {

		PostContent toContent() {
			List<String> names = (this.tags == null) ? List.of()
					: Arrays.stream(this.tags.split("[\\s,]+")).filter((tag) -> !tag.isBlank()).toList();
			return new PostContent(this.title, this.content, names, this.status);
		}

		PostForm shortened() {
			return new PostForm(cut(this.title, 200), cut(this.content, 20_000), cut(this.tags, 400), this.status);
		}

		private static String cut(String value, int length) {
			return (value != null && value.length() > length) ? value.substring(0, length) : value;
		}

	}

	record CommentForm(
			@NotBlank(message = "Tell us your name") @Size(max = 100) @Pattern(
					regexp = PostContent.NO_CONTROL_CHARACTERS, message = "Write your name on one line") String name,
			@NotBlank(message = "Write a comment") @Size(max = 2000) @Pattern(regexp = PostContent.TEXT_CHARACTERS,
					message = "Remove the control characters from the comment") String text) {
	}

}
