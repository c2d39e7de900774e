package io.signalsforspring.signals.jpa.accounts;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LetterRepository extends JpaRepository<Letter, Long> {

	List<Letter> findByOwner(String owner);

}
