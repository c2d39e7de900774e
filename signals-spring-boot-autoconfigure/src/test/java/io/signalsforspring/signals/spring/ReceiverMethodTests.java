package io.signalsforspring.signals.spring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreSave;
import io.signalsforspring.signals.Response;
import io.signalsforspring.signals.Signal;
import io.signalsforspring.signals.SignalEvent;
import io.signalsforspring.signals.spring.autoconfigure.SignalsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverMethodTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SignalsAutoConfiguration.class))
		.withUserConfiguration(Receivers.class);

	private static Map<String, Object> postSaveArguments(Object instance, boolean created) {
		java.util.HashMap<String, Object> arguments = new java.util.HashMap<>();
		arguments.put("instance", instance);
		arguments.put("created", created);
		arguments.put("raw", false);
		arguments.put("using", "default");
		arguments.put("update_fields", created ? null : Set.of("title"));
		return arguments;
	}

	@Test
	void receiverMethodBindsArgumentsByNameAndReturnsItsResponse() {
		this.runner.run((context) -> {
			Post post = new Post("Hello");
			List<Response> responses = context.getBean(PostSave.class).send(Post.class, postSaveArguments(post, true));
			Receivers receivers = context.getBean(Receivers.class);
			assertThat(receivers.calls).contains("created Hello true");
			assertThat(responses).extracting(Response::value).contains("notified Hello");
		});
	}

	@Test
	void receiverForASenderIgnoresOtherSenders() {
		this.runner.run((context) -> {
			context.getBean(PostSave.class).send(Comment.class, postSaveArguments(new Comment(), true));
			assertThat(context.getBean(Receivers.class).calls).noneMatch((call) -> call.startsWith("created"))
				.contains("any sender " + Comment.class.getSimpleName());
		});
	}

	@Test
	void camelCaseParameterBindsSnakeCaseArgumentAndSenderBindsBySenderName() {
		this.runner.run((context) -> {
			context.getBean(PostSave.class).send(Post.class, postSaveArguments(new Post("Hi"), false));
			assertThat(context.getBean(Receivers.class).calls).contains("updated [title] from Post");
		});
	}

	@Test
	void mapParameterTakesAllArgumentsAndEventParameterTakesTheEvent() {
		this.runner.run((context) -> {
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-1", "quantity", 3));
			assertThat(context.getBean(Receivers.class).calls).contains("kwargs {order=A-1, quantity=3}",
					"event order_confirmed");
		});
	}

	@Test
	void parameterBindsByTypeWhenExactlyOneArgumentHasThatType() {
		this.runner.run((context) -> {
			Customer customer = new Customer("Ada");
			context.getBean(OrderConfirmed.class)
				.send(this, Map.of("order", "A-1", "quantity", 3, "customer", customer));
			assertThat(context.getBean(Receivers.class).calls).contains("by type Ada");
		});
	}

	@Test
	void oneMethodReceivesSeveralSignalsAndSeveralSenders() {
		this.runner.run((context) -> {
			Post post = new Post("x");
			context.getBean(PostSave.class).send(Post.class, postSaveArguments(post, true));
			context.getBean(PostSave.class).send(Comment.class, postSaveArguments(new Comment(), true));
			java.util.HashMap<String, Object> preSave = new java.util.HashMap<>(postSaveArguments(post, true));
			preSave.remove("created");
			context.getBean(PreSave.class).send(Post.class, preSave);
			assertThat(context.getBean(Receivers.class).calls).filteredOn((call) -> call.startsWith("audit"))
				.containsExactly("audit post_save Post", "audit post_save Comment", "audit pre_save Post");
		});
	}

	@Test
	void metaAnnotatedMethodIsAReceiver() {
		this.runner.run((context) -> {
			context.getBean(OrderConfirmed.class).send(this, Map.of("order", "A-1", "quantity", 1));
			assertThat(context.getBean(Receivers.class).calls).contains("meta A-1");
		});
	}

	@Test
	void conditionDecidesWhetherTheReceiverRuns() {
		this.runner.run((context) -> {
			OrderConfirmed signal = context.getBean(OrderConfirmed.class);
			signal.send(this, Map.of("order", "small", "quantity", 1));
			signal.send(this, Map.of("order", "big", "quantity", 100, "gift_note", "yay"));
			assertThat(context.getBean(Receivers.class).calls).filteredOn((call) -> call.startsWith("bulk"))
				.containsExactly("bulk big");
		});
	}

	@Test
	void orderAnnotationOverridesConnectionOrder() {
		this.runner.run((context) -> {
			List<Response> responses = context.getBean(OrderConfirmed.class)
				.send(this, Map.of("order", "A-1", "quantity", 1));
			assertThat(responses.get(0).value()).isEqualTo("first by @Order");
		});
	}

	@Test
	void customSignalHeldAsConstantIsReceivedAndSentFromAService() {
		this.runner.run((context) -> {
			context.getBean(Publisher.class).publish("Dune");
			assertThat(context.getBean(Receivers.class).calls).contains("published Dune");
		});
	}

	@Test
	void eachReceiverIsConnectedOnceAndDisconnectedWhenTheContextCloses() {
		PostSave[] signal = new PostSave[1];
		this.runner.run((context) -> {
			signal[0] = context.getBean(PostSave.class);
			assertThat(signal[0].connections()).as("created, updated, anySender, audit for Post and for Comment")
				.hasSize(5);
			assertThat(signal[0].connections()).allSatisfy(
					(connection) -> assertThat(connection.dispatchUid()).contains("receiverMethodTests.Receivers#"));
		});
		assertThat(signal[0].connections()).isEmpty();
	}

	@Test
	void signalsCanBeInjectedAndConnectedInCode() {
		this.runner.run((context) -> {
			PostSave postSave = context.getBean(PostSave.class);
			List<Object> seen = new CopyOnWriteArrayList<>();
			try (var connection = postSave.connect((event) -> seen.add(event.get("instance")), Post.class)) {
				Post post = new Post("code");
				postSave.sendRobust(Post.class, postSaveArguments(post, true));
				assertThat(seen).containsExactly(post);
			}
		});
	}

	record Post(String title) {
	}

	record Comment() {
	}

	record Customer(String name) {
	}

	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@Receiver(signal = OrderConfirmed.class)
	@interface OnOrderConfirmed {

		@AliasFor(annotation = Receiver.class)
		String condition() default "";

	}

	@Configuration(proxyBeanMethods = false)
	static class Receivers {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@Bean
		OrderConfirmed orderConfirmed() {
			return new OrderConfirmed();
		}

		@Bean
		Publisher publisher() {
			return new Publisher();
		}

		@Receiver(signal = PostSave.class, sender = Post.class)
		String created(Post instance, boolean created) {
			if (!created) {
				return null;
			}
			this.calls.add("created " + instance.title() + " " + created);
			return "notified " + instance.title();
		}

		@Receiver(signal = PostSave.class, sender = Post.class)
		void updated(Set<String> updateFields, Class<?> sender, boolean created) {
			if (!created) {
				this.calls.add("updated " + updateFields + " from " + sender.getSimpleName());
			}
		}

		@Receiver(signal = PostSave.class)
		void anySender(Class<?> sender) {
			this.calls.add("any sender " + sender.getSimpleName());
		}

		@Receiver(signal = { PostSave.class, PreSave.class }, sender = { Post.class, Comment.class })
		void audit(Signal signal, Class<?> sender) {
			this.calls.add("audit " + signal.name() + " " + sender.getSimpleName());
		}

		@Receiver(OrderConfirmed.class)
		void kwargs(Map<String, Object> kwargs) {
			this.calls.add("kwargs " + new java.util.TreeMap<>(kwargs));
		}

		@Receiver(OrderConfirmed.class)
		void event(SignalEvent event) {
			this.calls.add("event " + event.signal().name());
		}

		@Receiver(OrderConfirmed.class)
		void byType(Customer buyer) {
			if (buyer != null) {
				this.calls.add("by type " + buyer.name());
			}
		}

		@OnOrderConfirmed
		void meta(String order) {
			this.calls.add("meta " + order);
		}

		@OnOrderConfirmed(condition = "#quantity > 10 and #giftNote != null")
		void bulk(String order) {
			this.calls.add("bulk " + order);
		}

		@Order(-10)
		@Receiver(OrderConfirmed.class)
		String first() {
			return "first by @Order";
		}

		@Receiver(BookPublished.class)
		void published(String book) {
			this.calls.add("published " + book);
		}

	}

	static class Publisher {

		void publish(String book) {
			BookPublished.SIGNAL.send(this, Map.of("book", book));
		}

	}

}
