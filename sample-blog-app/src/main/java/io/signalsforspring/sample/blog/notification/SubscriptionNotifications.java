package io.signalsforspring.sample.blog.notification;

import io.signalsforspring.sample.blog.subscription.Subscriber;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Double opt-in: an address that asks for the blog's posts is sent a link to confirm it,
 * by a durable receiver of the subscriber's {@code post_save}, after the commit. Only the
 * owner of the address can follow the link, so nobody can subscribe a stranger.
 *
 * <pre class="code">
 * &#64;receiver(post_save, sender=Subscriber)
 * def ask_to_confirm(sender, instance, **kwargs):
 *     if not instance.confirmed:
 *         send_mail("Confirm your subscription", ..., [instance.email])
 * </pre>
 */
@Component
class SubscriptionNotifications {

	private final Mailer mailer;

	private final String baseUrl;

	SubscriptionNotifications(Mailer mailer, @Value("${blog.base-url}") String baseUrl) {
		this.mailer = mailer;
		this.baseUrl = baseUrl;
	}

	/**
	 * Saved unconfirmed (a new address, or one that asked again): send the link. An
	 * address confirmed by the time the delivery runs is not asked.
	 */
	@Receiver(signal = PostSave.class, sender = Subscriber.class, condition = "!#instance.confirmed",
			phase = Phase.AFTER_COMMIT, durable = true)
	void askToConfirm(Subscriber instance, String deliveryId) {
		if (instance.isConfirmed()) {
			return;
		}
		String link = this.baseUrl + "/subscribe/confirm/" + instance.getToken();
		this.mailer.sendOnce(deliveryId, instance.getEmail(), "Confirm your subscription",
				"Someone, hopefully you, asked to get the posts of the blog at this address.\n\n"
						+ "To confirm, open this link and press Confirm:\n" + link + "\n\n"
						+ "If it was not you, ignore this email: nothing else will be sent.\n",
				"the subscription of " + instance.getEmail());
	}

}
