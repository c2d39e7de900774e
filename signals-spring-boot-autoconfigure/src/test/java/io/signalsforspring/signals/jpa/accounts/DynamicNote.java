package io.signalsforspring.signals.jpa.accounts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * {@code @DynamicUpdate} with {@code @Version}: an UPDATE writes the changed columns
 * only; its slug is filled by a pre_save receiver.
 */
@Entity
@DynamicUpdate
@Table(name = "acct_dynamic_note")
public class DynamicNote implements Slugged {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@UpdateTimestamp
	private Instant updated;

	private String title;

	private String slug;

	protected DynamicNote() {
	}

	public DynamicNote(String title) {
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public Instant getUpdated() {
		return this.updated;
	}

	@Override
	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getSlug() {
		return this.slug;
	}

	@Override
	public void setSlug(String slug) {
		this.slug = slug;
	}

}
