package io.signalsforspring.signals.jpa.accounts;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An id the application assigns: inserted at flush, and saved by Spring Data with
 * {@code merge} (a SELECT first), since an entity with an id looks persistent to it.
 */
@Entity
@Table(name = "acct_assigned")
public class AssignedAccount extends Account {

	@Id
	private String id;

	protected AssignedAccount() {
	}

	public AssignedAccount(String name, Address address) {
		super(name, address);
		this.id = UUID.randomUUID().toString();
	}

	@Override
	public String getId() {
		return this.id;
	}

}
