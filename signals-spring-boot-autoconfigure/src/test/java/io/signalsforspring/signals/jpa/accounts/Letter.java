package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Belongs to an account by key; removed by a pre_delete receiver. */
@Entity
@Table(name = "acct_letter")
public class Letter {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String owner;

	private String title;

	protected Letter() {
	}

	public Letter(String owner, String title) {
		this.owner = owner;
		this.title = title;
	}

	public String getOwner() {
		return this.owner;
	}

}
