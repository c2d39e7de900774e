package io.signalsforspring.sample.blog;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them): sign in, write a post through
 * the form, find it listed, and see the email a receiver sent on {@code /mailbox}; and
 * the subscriber's path: subscribe, confirm from the emailed link, get a post,
 * unsubscribe from its link, get no more. The post page is kept as
 * {@code target/e2e/post-page.png}. Runs with {@code -Pe2e}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlogBrowserTests {

	private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");

	private static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		assertThat(new File(CHROMIUM)).as("Chromium (apt-get install chromium)").canRead();
		assertThat(new File(CHROMEDRIVER)).as("ChromeDriver (apt-get install chromium-driver)").canRead();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1200,900");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@Test
	void authorSignsInWritesAPostAndTheEmailArrivesInTheMailbox() throws Exception {
		signIn();

		String title = "Written in Chromium " + UUID.randomUUID().toString().substring(0, 8);
		this.browser.get(url("/posts/new"));
		this.browser.findElement(By.name("title")).sendKeys(title);
		this.browser.findElement(By.name("content")).sendKeys("Signals made this email happen.");
		this.browser.findElement(By.name("tags")).sendKeys("browser e2e");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
		assertThat(this.browser.getCurrentUrl()).contains("/posts/written-in-chromium-");
		keepScreenshot("post-page.png");

		this.browser.get(url("/posts"));
		assertThat(this.browser.findElements(By.linkText(title))).hasSize(1);

		this.wait.until((driver) -> {
			driver.get(url("/mailbox"));
			return driver.findElements(By.cssSelector("article.mail"))
				.stream()
				.anyMatch((mail) -> mail.getText().contains(title) && mail.getText().contains("reader@example.com"));
		});
		String mail = this.browser.findElements(By.cssSelector("article.mail"))
			.stream()
			.filter((element) -> element.getText().contains(title) && element.getText().contains("reader@example.com"))
			.findFirst()
			.orElseThrow()
			.getText();
		assertThat(mail).contains("New post: " + title);
	}

	@Test
	void readerSubscribesConfirmsGetsAPostAndUnsubscribesFromItsEmail() throws Exception {
		String reader = "chromium-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.browser.get(url("/subscribe"));
		this.browser.findElement(By.name("email")).sendKeys(reader);
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Check your inbox"));

		signIn();
		String confirm = linkInMail(reader, "Confirm your subscription", "/subscribe/confirm/");
		this.browser.get(url(confirm));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains(reader);
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You are subscribed"));
		keepScreenshot("subscribed.png");

		String title = writePost("For the new reader");
		String unsubscribe = linkInMail(reader, "New post: " + title, "/unsubscribe/");
		this.browser.get(url(unsubscribe));
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You are unsubscribed"));

		String after = writePost("After leaving");
		linkInMail("reader@example.com", "New post: " + after, "/posts/");
		assertThat(mailsTo(reader)).as("mails to " + reader)
			.anyMatch((mail) -> mail.contains(title))
			.noneMatch((mail) -> mail.contains(after));
	}

	private String writePost(String prefix) {
		String title = prefix + " " + UUID.randomUUID().toString().substring(0, 8);
		this.browser.get(url("/posts/new"));
		this.browser.findElement(By.name("title")).sendKeys(title);
		this.browser.findElement(By.name("content")).sendKeys("Sent to the subscribers.");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
		return title;
	}

	/**
	 * The texts of the mails to an address on {@code /mailbox}, as the page shows them.
	 */
	private List<String> mailsTo(String address) {
		this.browser.get(url("/mailbox"));
		return this.browser.findElements(By.cssSelector("article.mail"))
			.stream()
			.filter((mail) -> mail.findElement(By.cssSelector(".to")).getText().equals(address))
			.map(WebElement::getText)
			.toList();
	}

	/**
	 * Wait for the mail with that subject to arrive on {@code /mailbox}, and return the
	 * path of its link that starts with the prefix (its links point at
	 * {@code blog.base-url}, not at this test's random port).
	 */
	private String linkInMail(String to, String subject, String pathPrefix) {
		return this.wait.until((driver) -> {
			driver.get(url("/mailbox"));
			for (WebElement mail : driver.findElements(By.cssSelector("article.mail"))) {
				if (mail.findElement(By.cssSelector(".to")).getText().equals(to)
						&& mail.findElement(By.cssSelector(".subject")).getText().equals(subject)) {
					for (WebElement link : mail.findElements(By.cssSelector(".links a"))) {
						String path = URI.create(link.getAttribute("href")).getPath();
						if (path.startsWith(pathPrefix)) {
							return path;
						}
					}
				}
			}
			return null;
		});
	}

	@Test
	void formShowsWhatIsWrongNextToEachFieldAndSavesNothing() throws Exception {
		signIn();
		String title = "Too many tags " + UUID.randomUUID().toString().substring(0, 8);
		this.browser.get(url("/posts/new"));
		this.browser.findElement(By.name("title")).sendKeys(title);
		this.browser.findElement(By.name("tags")).sendKeys("one two three four five six seven eight nine ten eleven");
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Use at most 10 tags"));
		String page = this.browser.findElement(By.tagName("main")).getText();
		assertThat(page).contains("Write something").contains("Use at most 10 tags");
		assertThat(this.browser.findElement(By.name("title")).getAttribute("value")).isEqualTo(title);
		keepScreenshot("form-errors.png");

		this.browser.findElement(By.name("content")).sendKeys("Now with text.");
		WebElement tags = this.browser.findElement(By.name("tags"));
		tags.clear();
		tags.sendKeys("ok, " + "x".repeat(31));
		this.browser.findElement(By.cssSelector("main form button[type=submit]")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"),
				"Tags are 1 to 30 letters, digits or dashes"));
		this.browser.get(url("/posts"));
		assertThat(this.browser.findElements(By.linkText(title))).isEmpty();
	}

	private void signIn() {
		this.browser.get(url("/login"));
		this.browser.findElement(By.name("username")).sendKeys("demo");
		this.browser.findElement(By.name("password")).sendKeys("demo");
		this.browser.findElement(By.cssSelector("main button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlToBe(url("/")));
	}

	private void keepScreenshot(String name) throws Exception {
		Path target = Path.of("target", "e2e");
		Files.createDirectories(target);
		File shot = ((ChromeDriver) this.browser).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
