package io.signalsforspring.sample.blog;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.awaitility.Awaitility.await;

/**
 * Reads what the blog's embedded SMTP server received, for assertions on real email.
 */
final class Mailbox {

	private final GreenMail server;

	Mailbox(GreenMail server) {
		this.server = server;
	}

	/** Every received email whose body mentions the text. */
	List<Email> mentioning(String text) {
		return Arrays.stream(this.server.getReceivedMessages())
			.map(Email::of)
			.filter((email) -> email.body().contains(text) || email.subject().contains(text))
			.toList();
	}

	/** Wait until exactly {@code count} emails mention the text, and return them. */
	List<Email> awaitMentioning(String text, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> mentioning(text).size() >= count);
		return mentioning(text);
	}

	record Email(String to, String subject, String body) {

		static Email of(MimeMessage message) {
			try {
				return new Email(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
						String.valueOf(message.getContent()));
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
