package io.signalsforspring.sample.blog.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The post list is cached, and a receiver that runs in every instance evicts it when a
 * post is saved or deleted: here the single instance, with no broker configured.
 */
@SpringBootTest
class PostListCacheTests {

	@Autowired
	private PostList list;

	@Autowired
	private PostService posts;

	@Test
	void listIsServedFromTheCacheUntilAPostIsSavedOrDeleted() {
		List<PostView> first = this.list.published();
		assertThat(this.list.published()).as("served from the cache").isSameAs(first);
		String title = "Cached list " + UUID.randomUUID();
		Post post = this.posts.create("demo",
				new PostContent(title, "Listed at once.", List.of(), PostStatus.PUBLISHED));
		assertThat(this.list.published()).extracting(PostView::title).contains(title);
		List<PostView> afterSave = this.list.published();
		this.posts.delete(post.getSlug(), "demo");
		assertThat(this.list.published()).isNotSameAs(afterSave).extracting(PostView::title).doesNotContain(title);
	}

}
