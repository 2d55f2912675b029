package app.rightly.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import app.rightly.demo.DemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: the demo owner signs in, switches brand, creates an API
 * token and signs out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class SignInBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	ChromeDriver browser;

	@AfterEach
	void close() throws IOException {
		if (browser != null) {
			Path shot = Path.of("target", "screenshots");
			Files.createDirectories(shot);
			Files.write(shot.resolve("sign-in-browser-test.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.quit();
		}
	}

	@Test
	void theDemoOwnerSignsInSwitchesBrandCreatesATokenAndSignsOut() {
		browser = Browser.start();
		demo.ensure();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		String base = "http://localhost:" + port;

		browser.get(base + "/inbox");
		wait.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys(DemoData.OWNER_EMAIL);
		browser.findElement(By.id("password")).sendKeys("wrong password");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/login?error"));
		assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("Wrong e-mail or password");

		browser.findElement(By.id("username")).sendKeys(DemoData.OWNER_EMAIL);
		browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/inbox"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Inbox");

		Select switcher = new Select(browser.findElement(By.id("brand-switch")));
		String before = switcher.getFirstSelectedOption().getText();
		String other = switcher.getOptions()
			.stream()
			.map(WebElement::getText)
			.filter(t -> !t.equals(before))
			.findFirst()
			.orElseThrow();
		switcher.selectByVisibleText(other); // the page script submits on change
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), other));
		assertThat(browser.findElement(By.cssSelector(".eyebrow")).getText()).isEqualToIgnoringCase(other);
		assertThat(new Select(browser.findElement(By.id("brand-switch"))).getFirstSelectedOption().getText())
			.isEqualTo(other);

		browser.findElement(By.linkText("Settings")).click();
		browser.findElement(By.linkText("API tokens")).click();
		browser.findElement(By.id("token-name")).sendKeys("Browser test");
		browser.findElement(By.cssSelector("[data-testid=create-token]")).click();
		String token = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=new-token]")))
			.getText();
		assertThat(token).startsWith("rly_").hasSizeGreaterThan(30);
		assertThat(browser.findElement(By.tagName("table")).getText()).contains("Browser test");

		browser.findElement(By.cssSelector("[data-testid=sign-out]")).click();
		wait.until(ExpectedConditions.urlContains("/login?signedOut"));
		browser.get(base + "/settings/tokens");
		wait.until(ExpectedConditions.urlContains("/login"));
	}

}
