package io.signalsforspring.signals.jpa.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row a post_save receiver writes for every save of an account. */
@Entity
@Table(name = "acct_activity")
public class Activity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private Long id;

	private String account;

	private String what;

	protected Activity() {
	}

	public Activity(String account, String what) {
		this.account = account;
		this.what = what;
	}

	public String getAccount() {
		return this.account;
	}

	public String getWhat() {
		return this.what;
	}

}
