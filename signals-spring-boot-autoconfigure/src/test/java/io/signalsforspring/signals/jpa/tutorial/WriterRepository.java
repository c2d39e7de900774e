package io.signalsforspring.signals.jpa.tutorial;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WriterRepository extends JpaRepository<Writer, Long> {

}
