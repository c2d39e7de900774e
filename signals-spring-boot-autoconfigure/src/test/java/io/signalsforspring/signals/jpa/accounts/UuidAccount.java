package io.signalsforspring.signals.jpa.accounts;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A generated UUID id: inserted at flush. */
@Entity
@Table(name = "acct_uuid")
public class UuidAccount extends Account {

	@Id
	@GeneratedValue
	private UUID id;

	protected UuidAccount() {
	}

	public UuidAccount(String name, Address address) {
		super(name, address);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

}
