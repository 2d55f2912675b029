package app.rightly.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.MessageIngestion;
import app.rightly.demo.DemoData;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
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
 * it delivered (to an in-process SMTP server), resolves it; customer markup is shown as
 * text and runs nothing.
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

	com.icegreen.greenmail.util.GreenMail smtp;

	@AfterEach
	void close() throws IOException {
		if (browser != null) {
			Path shot = Path.of("target", "screenshots");
			Files.createDirectories(shot);
			Files.write(shot.resolve("inbox-browser-test.png"), browser.getScreenshotAs(OutputType.BYTES));
			browser.quit();
		}
		if (smtp != null) {
			smtp.stop();
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
	void anAgentAnswersTheRiskiestConversationWithTheCoachAndMarkupStaysText() throws Exception {
		browser = Browser.start();
		demo.ensure();
		// the brand the owner sees first is the current one after signing in
		Brand brand = access.brandsWithSlugOrId("juniper")
			.stream()
			.findFirst()
			.orElseGet(() -> access.brandsWithSlugOrId("skyward").get(0));
		String run = UUID.randomUUID().toString().substring(0, 6);
		// the angry customer writes by e-mail; the reply goes out through an in-process
		// SMTP server
		smtp = new com.icegreen.greenmail.util.GreenMail(
				com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
		smtp.start();
		ChannelKey mailbox = new ChannelKey("email", "browser");
		channels.ensure(brand.tenant(), mailbox);
		channels.setReplyEmail(brand.tenant(), channels.find(brand.tenant(), mailbox).orElseThrow().id(), "127.0.0.1",
				smtp.getSmtp().getPort(), false, null, null, "care@juniper.example");
		IncomingMessage angry = new IncomingMessage(mailbox, "<" + run + "@mail.example>",
				IncomingMessage.Direction.INBOUND,
				new IncomingMessage.Sender("@angry" + run, "Angry " + run, "angry" + run + "@example.com", 900_000L),
				"WORST service ever!!! Third time asking: my refund never came. I am telling the press and my lawyer.",
				Instant.now(), IncomingMessage.Visibility.PRIVATE, null, null, Map.of("subject", "Refund"));
		List<app.rightly.conversations.IngestResult> results = ingestion
			.ingest(brand.tenant(), List.of(angry, message("@markup" + run,
					"<script>window.__xss=1;alert(1)</script><img src=x onerror=\"window.__xss=2\"> where is my bag",
					10)));

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
		assertThat(first.getText()).contains("angry" + run);
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
		// delivered by the outbox to the SMTP server
		wait.withTimeout(Duration.ofSeconds(15)).until(d -> {
			d.navigate().refresh();
			return d.findElements(By.cssSelector(".chip--delivery-sent")).size() > 0;
		});
		assertThat(smtp.getReceivedMessages()).hasSize(1);
		assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("Re: Refund");

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
