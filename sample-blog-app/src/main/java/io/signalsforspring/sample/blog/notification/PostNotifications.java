package io.signalsforspring.sample.blog.notification;

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
 * Delivery is at least once, so each email is sent through {@link #sendOnce}: the
 * delivery id is the idempotency key.
 *
 * <pre class="code">
 * &#64;receiver(post_save, sender=Post)
 * def send_notification(sender, instance, created, **kwargs):
 *     if created:
 *         send_mail("New blog post created", ..., recipient_list=subscribers)
 * </pre>
 */
@Component
class PostNotifications {

	private final Mailer mailer;

	private final SubscriberRepository subscribers;

	private final PostRepository posts;

	private final String baseUrl;

	private final SentEmails sent;

	PostNotifications(Mailer mailer, SubscriberRepository subscribers, PostRepository posts, SentEmails sent,
			@Value("${blog.base-url}") String baseUrl) {
		this.mailer = mailer;
		this.sent = sent;
		this.subscribers = subscribers;
		this.posts = posts;
		this.baseUrl = baseUrl;
	}

	/** Seed 000: a new post is emailed to every subscriber; an update is not. */
	@Receiver(signal = PostSave.class, sender = Post.class, condition = "#created", phase = Phase.AFTER_COMMIT,
			durable = true)
	void emailSubscribers(Post instance, String deliveryId) {
		String body = "A new post was published on the blog: \"" + instance.getTitle() + "\"\n\nRead it at "
				+ this.baseUrl + "/posts/" + instance.getSlug() + "\n";
		for (Subscriber subscriber : this.subscribers.findAll()) {
			sendOnce(deliveryId, subscriber.getEmail(), "New blog post created", body,
					"post '" + instance.getSlug() + "'");
		}
	}

	/** Seed 001: a new comment is emailed to the post's author. */
	@Receiver(signal = PostSave.class, sender = Comment.class, condition = "#created", phase = Phase.AFTER_COMMIT,
			durable = true)
	void emailAuthorOfComment(Comment instance, String deliveryId) {
		this.posts.findAuthorEmail(instance.getPostId())
			.ifPresent((email) -> sendOnce(deliveryId, email, "New comment from " + instance.getAuthorName(),
					instance.getAuthorName() + " wrote:\n\n" + instance.getText() + "\n",
					"a comment on post " + instance.getPostId()));
	}

	/** Seed 004: the author hears when their post is published. */
	@Receiver(signal = PostPublished.class, phase = Phase.AFTER_COMMIT, durable = true)
	void emailAuthorOfPublishedPost(Post post, Author author, String deliveryId) {
		sendOnce(deliveryId, author.getEmail(), "Your post is published",
				"\"" + post.getTitle() + "\" is live at " + this.baseUrl + "/posts/" + post.getSlug() + "\n",
				"post '" + post.getSlug() + "'");
	}

	/**
	 * Send an email unless this delivery already sent it; a failure propagates, so that
	 * the delivery is retried (from the recipients not yet emailed).
	 */
	private void sendOnce(String deliveryId, String to, String subject, String body, String about) {
		if (!this.sent.alreadySent(deliveryId, to)) {
			this.mailer.send(to, subject, body, about);
			this.sent.sent(deliveryId, to);
		}
	}

}
