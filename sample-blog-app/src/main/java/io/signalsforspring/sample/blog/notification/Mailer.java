package io.signalsforspring.sample.blog.notification;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the blog's emails, plain-text UTF-8 through Spring's {@link JavaMailSender}, with
 * extra headers where asked (a newsletter's {@code List-Unsubscribe}), once per durable
 * delivery and recipient: delivery is at least once, so the delivery id is the
 * idempotency key ({@link SentEmails}). A message that cannot be sent is logged with what
 * it was about and to whom, and the failure propagates so that the delivery is retried
 * (from the recipients not yet emailed).
 */
@Component
class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final String from;

	private final SentEmails sent;

	Mailer(JavaMailSender sender, SentEmails sent, @Value("${blog.mail.from}") String from) {
		this.sender = sender;
		this.sent = sent;
		this.from = from;
	}

	/** Send an email unless this delivery already sent it to that recipient. */
	void sendOnce(String deliveryId, String to, String subject, String body, String about) {
		sendOnce(deliveryId, to, subject, body, about, Map.of());
	}

	/** Send an email with extra headers unless this delivery already sent it. */
	void sendOnce(String deliveryId, String to, String subject, String body, String about,
			Map<String, String> headers) {
		if (!this.sent.alreadySent(deliveryId, to)) {
			send(to, subject, body, about, headers);
			this.sent.sent(deliveryId, to);
		}
	}

	private void send(String to, String subject, String body, String about, Map<String, String> headers) {
		try {
			this.sender.send((message) -> {
				MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
				helper.setFrom(this.from);
				helper.setTo(to);
				helper.setSubject(subject);
				helper.setText(body);
				for (Map.Entry<String, String> header : headers.entrySet()) {
					message.setHeader(header.getKey(), header.getValue());
				}
			});
		}
		catch (MailException ex) {
			logger.warn("Could not send \"{}\" about {} to {} (the delivery will be retried): {}", subject, about, to,
					ex.getMessage());
			throw ex;
		}
	}

}
