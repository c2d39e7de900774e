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
 * Sends one plain-text UTF-8 email through Spring's {@link JavaMailSender}, with extra
 * headers where asked (a newsletter's {@code List-Unsubscribe}). A message that cannot be
 * sent is logged with what it was about and to whom, and the failure propagates so that
 * the durable delivery that sends it is retried.
 */
@Component
class Mailer {

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final JavaMailSender sender;

	private final String from;

	Mailer(JavaMailSender sender, @Value("${blog.mail.from}") String from) {
		this.sender = sender;
		this.from = from;
	}

	void send(String to, String subject, String body, String about) {
		send(to, subject, body, about, Map.of());
	}

	void send(String to, String subject, String body, String about, Map<String, String> headers) {
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
