package io.signalsforspring.sample.blog.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text email through Spring's {@link JavaMailSender}. A message that
 * cannot be sent is logged with what it was about and to whom, and the failure propagates
 * so that the durable delivery that sends it is retried.
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
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(body);
		try {
			this.sender.send(message);
		}
		catch (MailException ex) {
			logger.warn("Could not send \"{}\" about {} to {} (the delivery will be retried): {}", subject, about, to,
					ex.getMessage());
			throw ex;
		}
	}

}
