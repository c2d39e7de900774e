package io.signalsforspring.signals.jpa;

import io.signalsforspring.signals.jpa.tutorial.Book;
import io.signalsforspring.signals.jpa.tutorial.BookRepository;
import io.signalsforspring.signals.jpa.tutorial.BookService;
import io.signalsforspring.signals.jpa.tutorial.Order;
import io.signalsforspring.signals.jpa.tutorial.OrderRepository;
import io.signalsforspring.signals.jpa.tutorial.Product;
import io.signalsforspring.signals.jpa.tutorial.ProductRepository;
import io.signalsforspring.signals.jpa.tutorial.Profile;
import io.signalsforspring.signals.jpa.tutorial.ProfileRepository;
import io.signalsforspring.signals.jpa.tutorial.TutorialReceivers;
import io.signalsforspring.signals.jpa.tutorial.User;
import io.signalsforspring.signals.jpa.tutorial.UserRepository;
import io.signalsforspring.signals.jpa.tutorial.Writer;
import io.signalsforspring.signals.jpa.tutorial.WriterRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenarios of the tutorials this project was born from, written as a Django user
 * ports them: receivers in the default phase that save through repositories, services
 * that call {@code save()} and {@code delete()}.
 */
@SpringBootTest(classes = JpaTestApplication.class)
class TutorialScenariosIntegrationTests {

	@Autowired
	private UserRepository users;

	@Autowired
	private ProfileRepository profiles;

	@Autowired
	private ProductRepository products;

	@Autowired
	private OrderRepository orders;

	@Autowired
	private WriterRepository writers;

	@Autowired
	private BookRepository books;

	@Autowired
	private BookService bookService;

	@Autowired
	private TutorialReceivers receivers;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private TransactionTemplate transactions;

	@BeforeEach
	@AfterEach
	void clean() {
		this.profiles.deleteAllInBatch();
		this.users.deleteAllInBatch();
		this.orders.deleteAllInBatch();
		this.products.deleteAllInBatch();
		this.books.deleteAllInBatch();
		this.writers.deleteAllInBatch();
		this.receivers.mails.clear();
	}

	@Test
	void profileIsCreatedWhenAUserIsCreated() {
		User user = this.users.save(new User("ada"));
		assertThat(this.profiles.findAll()).singleElement()
			.satisfies((profile) -> assertThat(profile.getUser().getId()).isEqualTo(user.getId()));
		assertThat(this.users.count()).isOne();
	}

	@Test
	void profileIsCreatedForEachUserOfOneTransaction() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.persist(new User("ada"));
			this.entityManager.persist(new User("grace"));
		});
		assertThat(this.profiles.findAll()).extracting(Profile::getUser)
			.extracting(User::getUsername)
			.containsExactlyInAnyOrder("ada", "grace");
	}

	@Test
	void profileIsCreatedWithFlushModeCommit() {
		this.transactions.executeWithoutResult((status) -> {
			this.entityManager.setFlushMode(FlushModeType.COMMIT);
			this.entityManager.persist(new User("ada"));
			assertThat(this.profiles.count()).as("nothing is flushed before the commit").isZero();
		});
		assertThat(this.profiles.findAll()).extracting(Profile::getUser)
			.extracting(User::getUsername)
			.containsExactly("ada");
	}

	@Test
	void noProfileRemainsWhenTheUsersTransactionRollsBack() {
		this.transactions.executeWithoutResult((status) -> {
			this.users.saveAndFlush(new User("ada"));
			assertThat(this.profiles.count()).isOne();
			status.setRollbackOnly();
		});
		assertThat(this.users.count()).isZero();
		assertThat(this.profiles.count()).isZero();
	}

	@Test
	void stockIsUpdatedWhenAnOrderIsCreated() {
		Product product = this.products.save(new Product("Teapot", 10));
		this.orders.save(new Order(product, 3));
		this.transactions.executeWithoutResult((status) -> {
			Product teapot = this.entityManager.find(Product.class, product.getId());
			this.entityManager.persist(new Order(teapot, 2));
		});
		Product stocked = this.products.findById(product.getId()).orElseThrow();
		assertThat(stocked.getStock()).isEqualTo(5);
		assertThat(stocked.getVersion()).as("each stock update advanced the version").isEqualTo(2);
	}

	@Test
	void booksAreRemovedOnTheAuthorsPreDelete() {
		Writer author = this.writers.save(new Writer("Jane Austen"));
		this.books.save(new Book("Emma", author));
		this.books.save(new Book("Persuasion", author));
		this.writers.delete(author);
		assertThat(this.writers.count()).isZero();
		assertThat(this.books.count()).isZero();
	}

	@Test
	void bookPublishedReachesItsReceiverAfterTheCommit() {
		Writer author = this.writers.save(new Writer("Jane Austen"));
		Book book = this.books.save(new Book("Emma", author));
		this.bookService.publish(book.getId());
		assertThat(this.receivers.mails).containsExactly("'Emma' by Jane Austen is Published");
		assertThat(this.books.findById(book.getId()).orElseThrow().getStatus()).isEqualTo("Published");
	}

}
