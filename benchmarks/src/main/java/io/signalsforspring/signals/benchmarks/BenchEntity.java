package io.signalsforspring.signals.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** The entity the bridge benchmark inserts and updates, with batchable SEQUENCE ids. */
@Entity
public class BenchEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bench_ids")
	@SequenceGenerator(name = "bench_ids", sequenceName = "bench_ids", allocationSize = 50)
	private Long id;

	private String name;

	private int counter;

	protected BenchEntity() {
	}

	BenchEntity(String name) {
		this.name = name;
	}

	Long getId() {
		return this.id;
	}

	void increment() {
		this.counter++;
	}

}
