package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SEQUENCE id with Hibernate's defaults: inserted at flush. */
@Entity
@Table(name = "acct_sequence")
public class SequenceAccount extends Account {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	protected SequenceAccount() {
	}

	public SequenceAccount(String name, Address address) {
		super(name, address);
	}

	@Override
	public Long getId() {
		return this.id;
	}

}
