package io.signalsforspring.signals.jpa.accounts;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * {@code @Version} and {@code @UpdateTimestamp}; its slug is filled by a pre_save
 * receiver.
 */
@Entity
@Table(name = "acct_versioned_note")
public class VersionedNote implements Slugged {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@UpdateTimestamp
	private Instant updated;

	private String title;

	private String slug;

	protected VersionedNote() {
	}

	public VersionedNote(String title) {
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
