package io.signalsforspring.signals.jpa.tutorial;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.signalsforspring.signals.ModelSignals.PostSave;
import io.signalsforspring.signals.ModelSignals.PreDelete;
import io.signalsforspring.signals.spring.Phase;
import io.signalsforspring.signals.spring.Receiver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tutorials' receivers, ported as a Django user would write them: in the default
 * phase, through repositories.
 */
@Configuration(proxyBeanMethods = false)
public class TutorialReceivers {

	private final ProfileRepository profiles;

	private final ProductRepository products;

	private final BookRepository books;

	public final List<String> mails = new CopyOnWriteArrayList<>();

	TutorialReceivers(ProfileRepository profiles, ProductRepository products, BookRepository books) {
		this.profiles = profiles;
		this.products = products;
		this.books = books;
	}

	@Bean
	BookPublished bookPublished() {
		return new BookPublished();
	}

	@Bean
	BookService bookService(BookRepository books, BookPublished bookPublished) {
		return new BookService(books, bookPublished);
	}

	/**
	 * {@code @receiver(post_save, sender=User) def create_profile(sender, instance, created, **kwargs)}.
	 */
	@Receiver(signal = PostSave.class, sender = User.class)
	void createProfile(User instance, boolean created) {
		if (created) {
			this.profiles.save(new Profile(instance));
		}
	}

	/** {@code @receiver(post_save, sender=Order) def update_stock(...)}. */
	@Receiver(signal = PostSave.class, sender = Order.class)
	void updateStock(Order instance, boolean created) {
		if (created) {
			Product product = instance.getProduct();
			product.setStock(product.getStock() - instance.getQuantity());
			this.products.save(product);
		}
	}

	/** {@code @receiver(pre_delete, sender=Author) def delete_books(...)}. */
	@Receiver(signal = PreDelete.class, sender = Writer.class)
	void deleteBooks(Writer instance) {
		this.books.deleteAll(this.books.findByAuthor(instance));
	}

	/**
	 * {@code @receiver(book_published) def send_mail_on_publish(sender, book, user, **kwargs)}.
	 */
	@Receiver(signal = BookPublished.class, phase = Phase.AFTER_COMMIT)
	void sendMailOnPublish(Book book, Writer user) {
		this.mails.add("'" + book.getTitle() + "' by " + user.getFullName() + " is " + book.getStatus());
	}

}
