package io.signalsforspring.signals.durable;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * One instance of an application with durable receivers: an article emailed after it is
 * created (through a real SMTP server), pings counted per delivery id, and pings whose
 * text asks for a failure that fail.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Article.class)
@Import(DurableInstance.Receivers.class)
class DurableInstance {

	@Bean
	Ping ping() {
		return new Ping();
	}

	/** Runs per delivery id, across every instance of the JVM. */
	static final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

	/** Delivery ids received by the idempotent receiver, across instances. */
	static final Set<String> processed = ConcurrentHashMap.newKeySet();

	/** "id title" of each deleted article as its durable post_delete receiver got it. */
	static final List<String> deleted = new CopyOnWriteArrayList<>();

	/** Whether pings that "fail until fixed" succeed now. */
	static final AtomicBoolean fixed = new AtomicBoolean();

	static class Receivers {

		private final JavaMailSender mail;

		Receivers(JavaMailSender mail) {
			this.mail = mail;
		}

		@Receiver(signal = PostSave.class, sender = Article.class, phase = Phase.AFTER_COMMIT, durable = true)
		void announce(Article instance, boolean created, String deliveryId) {
			if (created) {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom("blog@example.com");
				message.setTo("readers@example.com");
				message.setSubject(instance.getTitle());
				message.setText("Delivery " + deliveryId);
				this.mail.send(message);
			}
		}

		@Receiver(signal = PostDelete.class, sender = Article.class, phase = Phase.AFTER_COMMIT, durable = true)
		void forget(Article instance) {
			deleted.add(instance.getId() + " " + instance.getTitle());
		}

		@Receiver(signal = Ping.class, phase = Phase.AFTER_COMMIT, durable = true, maxAttempts = 3,
				firstRetryDelay = "100ms", maxRetryDelay = "200ms")
		void ping(String text, String deliveryId) {
			runs.computeIfAbsent(deliveryId, (id) -> new AtomicInteger()).incrementAndGet();
			if (text.startsWith("hang")) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
			}
			if (text.startsWith("fail") && !(text.endsWith("until fixed") && fixed.get())) {
				throw new IllegalStateException("asked to fail: " + text);
			}
			processed.add(deliveryId);
		}

	}

}
