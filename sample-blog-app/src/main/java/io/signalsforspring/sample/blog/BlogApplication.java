package io.signalsforspring.sample.blog;

/**
 * The sample blog. Until the blog itself lands, running it prints where it stands.
 */
public final class BlogApplication {

	private BlogApplication() {
	}

	/**
	 * Run the sample.
	 * @param args ignored
	 */
	public static void main(String[] args) {
		System.out.println("Signals for Spring sample blog: not built yet (see issue 'sample-blog-app').");
	}

}
