package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Seed 001's product: its stock goes down when an order is created. */
@Entity
@Table(name = "tutorial_product")
public class Product {

	@Id
	@GeneratedValue
	private Long id;

	private String name;

	private int stock;

	@Version
	private long version;

	protected Product() {
	}

	public Product(String name, int stock) {
		this.name = name;
		this.stock = stock;
	}

	public Long getId() {
		return this.id;
	}

	public int getStock() {
		return this.stock;
	}

	public void setStock(int stock) {
		this.stock = stock;
	}

	public long getVersion() {
		return this.version;
	}

}
