package io.signalsforspring.sample.blog.post;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The JSON API for posts. Writing needs HTTP Basic as an author; errors are RFC 9457
 * problem details.
 */
@RestController
@RequestMapping("/api/posts")
class PostApiController {

	private final PostService posts;

	private final PostList list;

	PostApiController(PostService posts, PostList list) {
		this.posts = posts;
		this.list = list;
	}

	@GetMapping
	List<PostView> list() {
		return this.list.published();
	}

	@GetMapping("/{slug}")
	PostView get(@PathVariable String slug, Principal principal) {
		return PostView.of(this.posts.find(slug, (principal != null) ? principal.getName() : null));
	}

	@PostMapping
	ResponseEntity<PostView> create(@Valid @RequestBody PostContent content, Principal principal) {
		Post post = this.posts.create(principal.getName(), content);
		return ResponseEntity.created(URI.create("/api/posts/" + post.getSlug())).body(PostView.of(post));
	}

	@PutMapping("/{slug}")
	PostView update(@PathVariable String slug, @Valid @RequestBody PostContent content, Principal principal) {
		return PostView.of(this.posts.update(slug, principal.getName(), content));
	}

	@DeleteMapping("/{slug}")
	ResponseEntity<Void> delete(@PathVariable String slug, Principal principal) {
		this.posts.delete(slug, principal.getName());
		return ResponseEntity.noContent().build();
	}

}
