package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Referenced by an account; cleaned up by a post_delete receiver. */
@Entity
@Table(name = "acct_address")
public class Address {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String street;

	protected Address() {
	}

	public Address(String street) {
		this.street = street;
	}

	public Long getId() {
		return this.id;
	}

	public String getStreet() {
		return this.street;
	}

}
