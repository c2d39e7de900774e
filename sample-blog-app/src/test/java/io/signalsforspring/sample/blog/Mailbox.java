package io.signalsforspring.sample.blog;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Header;
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

	/** Wait for the one email to {@code to} that mentions the text, and return it. */
	Email awaitMentioning(String text, String to) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mentioning(text).stream().anyMatch((email) -> email.to().equals(to)));
		List<Email> emails = mentioning(text).stream().filter((email) -> email.to().equals(to)).toList();
		if (emails.size() != 1) {
			throw new AssertionError(emails.size() + " emails to " + to + " mention " + text);
		}
		return emails.get(0);
	}

	record Email(String to, String subject, String body, Map<String, String> headers) {

		static Email of(MimeMessage message) {
			try {
				Map<String, String> headers = new LinkedHashMap<>();
				for (Header header : Collections.list(message.getAllHeaders())) {
					headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
				}
				return new Email(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
						String.valueOf(message.getContent()), headers);
			}
			catch (MessagingException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** The first header of that name, or {@code null}. */
		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
