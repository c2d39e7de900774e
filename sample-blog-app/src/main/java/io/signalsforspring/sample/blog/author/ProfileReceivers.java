package io.signalsforspring.sample.blog.author;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.stereotype.Component;

/**
 * Seed 002: "every time a new User is created, automatically create a Profile". Runs as
 * Django's receiver does, as soon as the author's row is written and in its transaction,
 * so an author never exists without a profile.
 *
 * <pre class="code">
 * &#64;receiver(post_save, sender=User)
 * def create_profile(sender, instance, created, **kwargs):
 *     if created:
 *         Profile.objects.create(user=instance)
 * </pre>
 */
@Component
class ProfileReceivers {

	private final ProfileRepository profiles;

	ProfileReceivers(ProfileRepository profiles) {
		this.profiles = profiles;
	}

	@Receiver(signal = PostSave.class, sender = Author.class, condition = "#created")
	void createProfile(Author instance) {
		this.profiles.save(new Profile(instance));
	}

}
