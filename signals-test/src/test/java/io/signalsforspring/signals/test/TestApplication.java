package io.signalsforspring.signals.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.spring.Receiver;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/** A context with the starter and a few receivers, one of them asynchronous and slow. */
@SpringBootConfiguration
@ImportAutoConfiguration(SignalsAutoConfiguration.class)
class TestApplication {

	final List<String> received = new CopyOnWriteArrayList<>();

	static volatile CountDownLatch slow = new CountDownLatch(0);

	@Receiver(PostSave.class)
	void saved(Object instance) {
		this.received.add("post_save " + instance);
	}

	@Receiver(PreSave.class)
	void saving(Object instance) {
		this.received.add("pre_save " + instance);
	}

	@Receiver(signal = PostSave.class, async = true)
	void slowly(Object instance) throws InterruptedException {
		slow.await(10, TimeUnit.SECONDS);
		this.received.add("slowly " + instance);
	}

}
