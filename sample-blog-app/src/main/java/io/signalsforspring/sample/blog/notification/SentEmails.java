package io.signalsforspring.sample.blog.notification;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recipients each delivery has emailed, so that a retried delivery (the SMTP server
 * failed halfway through the subscribers, the instance crashed) does not email anyone
 * twice: the delivery id is the idempotency key. Each recipient is written in a
 * transaction of its own, right after its email went out, so that a later failure in the
 * same delivery does not roll the record back.
 */
@Component
class SentEmails {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	SentEmails(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	boolean alreadySent(String deliveryId, String recipient) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from sent_email where delivery_id = ? and recipient = ?", Integer.class, deliveryId,
				recipient);
		return count != null && count > 0;
	}

	void sent(String deliveryId, String recipient) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.update(
				"insert into sent_email (delivery_id, recipient, sent_at) values (?, ?, ?)", deliveryId, recipient,
				Timestamp.from(Instant.now())));
	}

}
