package io.signalsforspring.signals.jpa.tutorial;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BookRepository extends JpaRepository<Book, Long> {

	List<Book> findByAuthor(Writer author);

}
