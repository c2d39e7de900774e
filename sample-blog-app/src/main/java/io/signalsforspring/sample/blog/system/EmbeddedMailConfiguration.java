package io.signalsforspring.sample.blog.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
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

	record Mail(int number, String to, String subject, String body) {

		static Mail of(MimeMessage message) {
			try {
				return new Mail(message.getMessageNumber(), String.join(", ", message.getHeader("To")),
						message.getSubject(), GreenMailUtil.getBody(message).strip());
			}
			catch (MessagingException ex) {
				return new Mail(message.getMessageNumber(), "?", "(unreadable message)", ex.getMessage());
			}
		}

	}

}
