package app.rightly.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}),
 * nothing downloaded. Where it is not installed the calling test is skipped with the
 * reason; CI installs it.
 */
final class Browser {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("RIGHTLY_CHROMIUM", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getenv().getOrDefault("RIGHTLY_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private Browser() {
	}

	static ChromeDriver start() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		String reason = "Chromium is not installed here (" + CHROMIUM + ", " + DRIVER
				+ "); install it with: apt-get install -y chromium chromium-driver — CI always does";
		if ("true".equals(System.getenv("CI")) && !installed) {
			throw new IllegalStateException(reason); // CI must run the browser tests,
														// never skip them
		}
		Assumptions.assumeTrue(installed, reason);
		Path profile;
		try {
			profile = Files.createTempDirectory("rightly-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

}
