package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/** What the four account entities share; each declares its own id strategy. */
@MappedSuperclass
public abstract class Account {

	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	private Address address;

	protected Account() {
	}

	protected Account(String name, Address address) {
		this.name = name;
		this.address = address;
	}

	public abstract Object getId();

	/**
	 * The key that other rows use for this account (no foreign key, as in the tutorial).
	 */
	public String key() {
		return getClass().getSimpleName() + ":" + getId();
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Address getAddress() {
		return this.address;
	}

}
