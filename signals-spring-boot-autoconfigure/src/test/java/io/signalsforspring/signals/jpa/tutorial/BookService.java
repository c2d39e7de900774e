package io.signalsforspring.signals.jpa.tutorial;

import java.util.Map;

import org.springframework.transaction.annotation.Transactional;

/** Publishes a book and sends {@code book_published}, as seed 004's view does. */

public class BookService {

	private final BookRepository books;

	private final BookPublished bookPublished;

	BookService(BookRepository books, BookPublished bookPublished) {
		this.books = books;
		this.bookPublished = bookPublished;
	}

	@Transactional
	public void publish(Long id) {
		Book book = this.books.findById(id).orElseThrow();
		book.publish();
		this.bookPublished.send(Book.class, Map.of("book", book, "user", book.getAuthor()));
	}

}
