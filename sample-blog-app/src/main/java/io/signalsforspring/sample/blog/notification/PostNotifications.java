package io.signalsforspring.sample.blog.notification;

import java.util.Map;

import io.signalsforspring.sample.blog.author.Author;
import io.signalsforspring.sample.blog.post.Comment;
import io.signalsforspring.sample.blog.post.Post;
import io.signalsforspring.sample.blog.post.PostPublished;
import io.signalsforspring.sample.blog.post.PostRepository;
import io.signalsforspring.sample.blog.subscription.Subscriber;
import io.signalsforspring.sample.blog.subscription.SubscriberRepository;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The emails of the blog, each a durable receiver: recorded with the transaction that
 * saved the post, sent after the commit off the request thread, never for a rolled-back
 * post, and retried until the SMTP server takes them (also after a crash or a restart).
 * Delivery is at least once, so each email is sent through {@link Mailer#sendOnce}: the
 * delivery id is the idempotency key.
 *
 * <pre class="code">
 * &#64;receiver(post_published)
 * def email_subscribers(sender, post, **kwargs):
 *     for subscriber in Subscriber.objects.filter(confirmed_at__isnull=False):
 *         send_mail(f"New post: {post.title}", ..., headers={"List-Unsubscribe": ...})
 * </pre>
 */
@Component
class PostNotifications {

	private final Mailer mailer;

	private final SubscriberRepository subscribers;

	private final PostRepository posts;

	private final String baseUrl;

	PostNotifications(Mailer mailer, SubscriberRepository subscribers, PostRepository posts,
			@Value("${blog.base-url}") String baseUrl) {
		this.mailer = mailer;
		this.subscribers = subscribers;
		this.posts = posts;
		this.baseUrl = baseUrl;
	}

	/**
	 * Seed 000: a post that becomes public is emailed to every confirmed subscriber, once
	 * ({@code post_published} is sent once per post, never for a draft). Each email can
	 * be unsubscribed from in one click (RFC 8058). A post made a draft again before its
	 * email went out is not emailed.
	 */
	@Receiver(signal = PostPublished.class, phase = Phase.AFTER_COMMIT, durable = true)
	void emailSubscribers(Post post, String deliveryId) {
		if (!post.isPublished()) {
			return;
		}
		String subject = "New post: " + post.getTitle();
		String text = "A new post was published on the blog: \"" + post.getTitle() + "\"\n\nRead it at " + this.baseUrl
				+ "/posts/" + post.getSlug() + "\n";
		for (Subscriber subscriber : this.subscribers.findByConfirmedAtIsNotNullOrderById()) {
			String unsubscribe = this.baseUrl + "/unsubscribe/" + subscriber.getToken();
			this.mailer.sendOnce(deliveryId, subscriber.getEmail(), subject,
					text + "\n--\nYou get this because you subscribed to the blog. Unsubscribe: " + unsubscribe + "\n",
					"post '" + post.getSlug() + "'", Map.of("List-Unsubscribe", "<" + unsubscribe + ">",
							"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
		}
	}

	/** Seed 001: a new comment is emailed to the post's author. */
	@Receiver(signal = PostSave.class, sender = Comment.class, condition = "#created", phase = Phase.AFTER_COMMIT,
			durable = true)
	void emailAuthorOfComment(Comment instance, String deliveryId) {
		this.posts.findAuthorEmail(instance.getPostId())
			.ifPresent(
					(email) -> this.mailer.sendOnce(deliveryId, email, "New comment from " + instance.getAuthorName(),
							instance.getAuthorName() + " wrote:\n\n" + instance.getText() + "\n",
							"a comment on post " + instance.getPostId()));
	}

	/** Seed 004: the author hears when their draft is published. */
	@Receiver(signal = PostPublished.class, condition = "!#created", phase = Phase.AFTER_COMMIT, durable = true)
	void emailAuthorOfPublishedPost(Post post, Author author, String deliveryId) {
		this.mailer.sendOnce(deliveryId, author.getEmail(), "Your post is published",
				"\"" + post.getTitle() + "\" is live at " + this.baseUrl + "/posts/" + post.getSlug() + "\n",
				"post '" + post.getSlug() + "'");
	}

}
