package io.signalsforspring.sample.blog.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /mailbox}: what the embedded SMTP server received, newest first. Exists only
 * while the embedded server does (no {@code spring.mail.host}).
 */
@Controller
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class MailboxController {

	private final GreenMail server;

	MailboxController(GreenMail server) {
		this.server = server;
	}

	@GetMapping("/mailbox")
	String mailbox(Model model) {
		List<EmbeddedMailConfiguration.Mail> mails = Arrays.stream(this.server.getReceivedMessages())
			.map(EmbeddedMailConfiguration.Mail::of)
			.sorted(Comparator.comparing(EmbeddedMailConfiguration.Mail::number).reversed())
			.toList();
		model.addAttribute("mails", mails);
		return "mailbox";
	}

}
