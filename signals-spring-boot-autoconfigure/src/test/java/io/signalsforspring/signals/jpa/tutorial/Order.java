package io.signalsforspring.signals.jpa.tutorial;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Seed 001's order of a product. */
@Entity
@Table(name = "tutorial_order")
public class Order {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private Product product;

	private int quantity;

	protected Order() {
	}

	public Order(Product product, int quantity) {
		this.product = product;
		this.quantity = quantity;
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

}
