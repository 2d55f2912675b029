package app.rightly.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.MessageIngestion;
import app.rightly.demo.DemoData;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an agent opens the riskiest conversation with the
 * keyboard, types a blaming draft and sees the coach's finding, fixes it, sends it, sees
 * it delivered (to a webhook in this test), resolves it; customer markup is shown as text
 * and runs nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "rightly.outbox.period-millis=200")
@Tag("browser")
class InboxBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	DemoData demo;

	@Autowired
	BrandAccess access;

	@Autowired
	MessageIngestion ingestion;

	@Autowired
	Channels channels;

	ChromeDriver browser;

	HttpServer hook;

	@AfterEach
	void close() throws IOException {
		if (browser != null) {
			Path shot = Path.of("target", "screenshots");
			Files.createDirectories(shot);
			Files.write(shot.resolve("inbox-browser-test.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.quit();
		}
		if (hook != null) {
			hook.stop(0);
		}
	}

	IncomingMessage message(String handle, String text, long followers) {
		return new IncomingMessage(new ChannelKey("api", "browser"), "b-" + UUID.randomUUID(),
				IncomingMessage.Direction.INBOUND,
				new IncomingMessage.Sender(handle, handle.substring(1), null, followers), text, Instant.now(),
				IncomingMessage.Visibility.PUBLIC, null, null, Map.of());
	}

	void type(WebElement field, String text) {
		field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		field.sendKeys(text);
	}

	@Test
	void anAgentAnswersTheRiskiestConversationWithTheCoachAndMarkupStaysText() throws IOException {
		browser = Browser.start();
		demo.ensure();
		// the brand the owner sees first is the current one after signing in
		Brand brand = access.brandsWithSlugOrId("juniper")
			.stream()
			.findFirst()
			.orElseGet(() -> access.brandsWithSlugOrId("skyward").get(0));
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<app.rightly.conversations.IngestResult> results = ingestion.ingest(brand.tenant(), List.of(message(
				"@angry" + run,
				"WORST service ever!!! Third time asking: my refund never came. I am telling the press and my lawyer.",
				900_000),
				message("@markup" + run,
						"<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2\"> "
								+ "where is my bag",
						10)));
		AtomicInteger delivered = new AtomicInteger();
		hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		hook.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			delivered.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		hook.start();
		channels.setReplyWebhook(brand.tenant(),
				channels.find(brand.tenant(), new ChannelKey("api", "browser")).orElseThrow().id(),
				"http://127.0.0.1:" + hook.getAddress().getPort() + "/hook", "a-secret-of-twenty-chars");

		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		String base = "http://localhost:" + port;
		browser.get(base + "/login");
		browser.findElement(By.id("username")).sendKeys(DemoData.OWNER_EMAIL);
		browser.findElement(By.id("password")).sendKeys(DemoData.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait.until(ExpectedConditions.urlContains("/inbox"));
		browser.get(base + "/inbox");
		// the riskiest conversation is on top; j selects it, Enter opens it
		WebElement first = browser.findElement(By.cssSelector("[data-row]"));
		assertThat(first.getText()).contains("@angry" + run);
		new Actions(browser).sendKeys("j").perform();
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		wait.until(ExpectedConditions.urlContains("/inbox/conversations/" + results.get(0).conversationId()));

		new Actions(browser).sendKeys("r").perform();
		WebElement reply = browser.switchTo().activeElement();
		assertThat(reply.getAttribute("id")).isEqualTo("reply-text");
		type(reply, "You should have read our policy. Per our policy refunds take 30 days.");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#coach [data-type=blame]")));
		type(reply, "I'm so sorry your refund hasn't arrived, that's frustrating after asking three times. "
				+ "I've escalated it and I'll reply here by 5pm today.");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#coach [data-type=blame]")));
		browser.findElement(By.cssSelector("[data-testid=send]")).click();
		// delivered by the outbox to the channel's webhook
		wait.withTimeout(Duration.ofSeconds(15)).until(d -> {
			d.navigate().refresh();
			return d.findElements(By.cssSelector(".chip--delivery-sent")).size() > 0;
		});
		assertThat(delivered.get()).isEqualTo(1);

		new Actions(browser).sendKeys("e").perform();
		wait.until(ExpectedConditions.urlToBe(base + "/inbox"));

		// customer markup: shown as text, never run
		browser.get(base + "/inbox/conversations/" + results.get(1).conversationId());
		String text = browser.findElement(By.cssSelector("[data-testid=message-text]")).getText();
		assertThat(text).contains("<script>").contains("where is my bag");
		assertThat(browser.executeScript("return window.__xss === undefined")).isEqualTo(true);

		// live: a new message from the customer appears without a reload, and the draft
		// stays
		WebElement draft = browser.findElement(By.id("reply-text"));
		draft.sendKeys("Half-written answer");
		ingestion.ingest(brand.tenant(), List.of(message("@markup" + run, "any news about my bag?", 10)));
		new WebDriverWait(browser, Duration.ofSeconds(12))
			.until(d -> d.findElement(By.cssSelector("[data-testid=thread]"))
				.getText()
				.contains("any news about my bag?"));
		assertThat(browser.findElement(By.id("reply-text")).getAttribute("value")).isEqualTo("Half-written answer");
	}

}
