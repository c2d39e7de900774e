package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An IDENTITY id: Hibernate inserts at {@code persist()}. */
@Entity
@Table(name = "acct_identity")
public class IdentityAccount extends Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	protected IdentityAccount() {
	}

	public IdentityAccount(String name, Address address) {
		super(name, address);
	}

	@Override
	public Long getId() {
		return this.id;
	}

}
