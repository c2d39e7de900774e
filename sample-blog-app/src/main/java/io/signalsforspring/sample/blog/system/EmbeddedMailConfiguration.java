package io.signalsforspring.sample.blog.system;

import java.io.IOException;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With no {@code spring.mail.host} set, an embedded SMTP server (GreenMail, on a free
 * local port) receives the blog's mail, and {@code /mailbox} shows it, so a newcomer sees
 * the email a signal sent. Setting {@code spring.mail.host} and {@code spring.mail.port}
 * turns this off and Spring Boot's mail support sends to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class EmbeddedMailConfiguration {

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail embeddedSmtpServer() {
		return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
	}

	@Bean
	JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(embeddedSmtpServer.getSmtp().getPort());
		return sender;
	}

	/**
	 * A received message as the mailbox page shows it, decoded by Jakarta Mail: encoded
	 * words in headers (RFC 2047) and quoted-printable or base64 bodies, with the links
	 * of its text, so that a confirmation or unsubscribe link can be followed from the
	 * page.
	 */
	record Mail(int number, String to, String subject, String body, List<String> links) {

		private static final Pattern LINK = Pattern.compile("https?://\\S+");

		static Mail of(MimeMessage message) {
			try {
				Address[] to = message.getRecipients(Message.RecipientType.TO);
				String body = text(message).strip();
				return new Mail(message.getMessageNumber(), (to != null) ? InternetAddress.toUnicodeString(to) : "",
						message.getSubject(), body, LINK.matcher(body).results().map(MatchResult::group).toList());
			}
			catch (MessagingException | IOException ex) {
				return new Mail(message.getMessageNumber(), "?", "(unreadable message)",
						String.valueOf(ex.getMessage()), List.of());
			}
		}

		/** The first text part of a message, decoded. */
		private static String text(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/*")) {
				return String.valueOf(part.getContent());
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String text = text(multipart.getBodyPart(i));
					if (!text.isEmpty()) {
						return text;
					}
				}
			}
			return "";
		}

	}

}
