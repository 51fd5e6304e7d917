package id.go.jambiprov.lapor.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the journeys in a real browser: the whole application on a random port over
 * PostgreSQL, driven by Debian's Chromium through Playwright, each page checked by axe-core and
 * photographed at a phone's width (360 px) and a desk's (1280 px) under
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

	/** The demo accounts' password (DESIGN.md §7). */
	protected static final String DEMO_PASSWORD = "demo12345";

	private static final Path SCREENSHOTS = Paths.get("target", "screenshots");

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected MutableClock clock;

	private Playwright playwright;

	private Browser browser;

	@BeforeAll
	void startBrowser() {
		this.playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get(chromium()))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	@BeforeEach
	void morning() {
		this.clock.set(TestClockConfiguration.MONDAY_MORNING);
	}

	private static String chromium() {
		String configured = System.getenv("LAPOR_CHROMIUM");
		return configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium";
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A fresh browser profile (no cookies), in Indonesian as the pages default to, at phone width. */
	protected Page newPage() {
		BrowserContext context = this.browser.newContext(new Browser.NewContextOptions().setLocale("id-ID")
			.setViewportSize(360, 800));
		return context.newPage();
	}

	/** A fresh browser profile in Indonesian at phone width, with or without JavaScript. */
	protected BrowserContext browserContext(boolean javaScript) {
		return this.browser.newContext(new Browser.NewContextOptions().setLocale("id-ID")
			.setViewportSize(360, 800)
			.setJavaScriptEnabled(javaScript));
	}

	/** Signs a demo account in through the login form, in a browser profile of its own. */
	protected Page signIn(String username) {
		Page page = newPage();
		page.navigate(url("/masuk"));
		page.getByLabel("Nama pengguna").fill(username);
		page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Masuk").setExact(true))
			.click();
		return page;
	}

	/**
	 * Checks the page with axe-core (WCAG 2.2 A and AA rules: no serious or critical violation)
	 * and saves it at 360 px and 1280 px.
	 */
	protected void look(Page page, String name) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
		List<String> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(BrowserTestSupport::describe)
			.toList();
		assertThat(serious).as("axe-core on %s (%s)", name, page.url()).isEmpty();
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		var size = page.viewportSize();
		for (int width : new int[] { 360, 1280 }) {
			page.setViewportSize(width, 800);
			page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
				.setPath(SCREENSHOTS.resolve(name + "-" + width + ".png")));
		}
		page.setViewportSize(size.width, size.height);
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
				+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
	}

}
