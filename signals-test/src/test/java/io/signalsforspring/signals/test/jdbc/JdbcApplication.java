package io.signalsforspring.signals.test.jdbc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalSpec;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application as {@code @DataJdbcTest} finds it, with a signal the test imports. */
@SpringBootConfiguration
@EnableAutoConfiguration
class JdbcApplication {

	/** The application's own signal, {@code entry_booked}. */
	static final class EntryBooked extends Signal {

		EntryBooked() {
			super(SignalSpec.named("entry_booked").argument("amount", Integer.class));
		}

	}

	/** The signal and its receiver, imported by the slice test. */
	@Configuration(proxyBeanMethods = false)
	static class Ledger {

		final List<String> received = new CopyOnWriteArrayList<>();

		@Bean
		EntryBooked entryBooked() {
			return new EntryBooked();
		}

		@Receiver(EntryBooked.class)
		void booked(int amount) {
			this.received.add("booked " + amount);
		}

	}

}
