package io.signalsforspring.signals.jpa.accounts;

/** An entity whose slug a pre_save receiver fills from its title. */
public interface Slugged {

	String getTitle();

	void setSlug(String slug);

}
