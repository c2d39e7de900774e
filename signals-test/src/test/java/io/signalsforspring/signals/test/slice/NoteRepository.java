package io.signalsforspring.signals.test.slice;

import org.springframework.data.jpa.repository.JpaRepository;

/** Notes, as a slice test saves them. */
interface NoteRepository extends JpaRepository<Note, Long> {

}
