package io.signalsforspring.signals.durable;

import io.signalsforspring.signals.ModelSignals.PostDelete;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The previous version of {@link DurableInstance}, still running during a rolling deploy:
 * it has a durable receiver, but not the {@code ping} receiver that the new version
 * added.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = Article.class)
@Import(OlderInstance.Receivers.class)
class OlderInstance {

	@Bean
	Ping ping() {
		return new Ping();
	}

	static class Receivers {

		@Receiver(signal = PostDelete.class, sender = Article.class, phase = Phase.AFTER_COMMIT, durable = true)
		void forget(Article instance) {
		}

	}

}
