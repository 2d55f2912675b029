package app.rightly.conversations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import app.rightly.shared.BackgroundTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: every second, the replies that are due go to their channel's
 * connector; a failure is retried with exponential back-off (2 s, 4 s, … up to 10
 * minutes) and marked failed, with its reason, after {@value #MAX_ATTEMPTS} attempts. A
 * row is claimed with {@code FOR UPDATE SKIP LOCKED} and marked in the same transaction,
 * so several servers can share one database. Replies stored before a stop are delivered
 * after the next start; a crash during a delivery can send it again, so every request
 * carries the reply's id ({@code X-Rightly-Delivery}) for the receiver to drop a repeat.
 *
 * <p>
 * The webhook is signed: {@code X-Rightly-Signature: sha256=HEX}, the HMAC-SHA256 with
 * the channel's secret of {@code TIMESTAMP + "." + BODY}, where TIMESTAMP is the
 * {@code X-Rightly-Timestamp} header (Unix seconds). See docs/respond.md.
 */
@Component
class OutboxDelivery extends BackgroundTask {

	private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);

	static final int MAX_ATTEMPTS = 8;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ConversationWork work;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	OutboxDelivery(JdbcClient jdbc, TransactionTemplate transactions, ConversationWork work,
			@Value("${rightly.outbox.period-millis:1000}") long periodMillis) {
		super("outbox", periodMillis);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.work = work;
	}

	/** A reply due for delivery, with where it goes. */
	record Due(UUID id, UUID message, UUID conversation, UUID organisation, UUID brand, int attempts, String text,
			String inReplyTo, String visibility, String channelKind, String channelName, String url, String secret,
			Instant createdAt, String connector, Smtp smtp, String emailTo, String subject) {
	}

	/** Delivers what is due now; answers how many were sent. */
	int deliverDue() {
		int sent = 0;
		for (int round = 0; round < 50; round++) {
			Boolean delivered = transactions.execute(status -> deliverOne());
			if (delivered == null) {
				break;
			}
			sent += delivered ? 1 : 0;
		}
		return sent;
	}

	/** Claims one due reply and tries it: null when nothing is due. */
	private Boolean deliverOne() {
		List<Due> due = jdbc
			.sql("""
					SELECT o.id, o.message_id, o.conversation_id, o.organisation_id, o.brand_id, o.attempts, m.text,
					       m.in_reply_to, m.visibility, ch.kind, ch.name, ch.reply_webhook_url, ch.reply_webhook_secret, o.created_at,
					       o.connector, ch.reply_smtp_host, ch.reply_smtp_port, ch.reply_smtp_starttls, ch.reply_smtp_username,
					       ch.reply_smtp_password, ch.reply_from,
					       (SELECT ci.identity_key FROM customer_identity ci
					        WHERE ci.customer_id = c.customer_id AND ci.brand_id = c.brand_id AND ci.network = 'email' LIMIT 1),
					       (SELECT i.metadata ->> 'subject' FROM message i WHERE i.conversation_id = c.id AND i.direction = 'inbound'
					        ORDER BY i.created_at DESC LIMIT 1)
					FROM outbox o
					JOIN message m ON m.id = o.message_id
					JOIN conversation c ON c.id = o.conversation_id
					JOIN channel ch ON ch.id = c.channel_id
					WHERE o.state = 'queued' AND o.next_attempt_at <= now()
					ORDER BY o.next_attempt_at
					LIMIT 1
					FOR UPDATE OF o SKIP LOCKED""")
			.query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getInt(6),
					rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
					rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(), rs.getString(15),
					rs.getString(16) == null ? null
							: new Smtp(rs.getString(16), rs.getInt(17), rs.getBoolean(18), rs.getString(19),
									rs.getString(20), rs.getString(21)),
					rs.getString(22), rs.getString(23)))
			.list();
		if (due.isEmpty()) {
			return null;
		}
		Due d = due.get(0);
		String error = null;
		try {
			send(d);
		}
		catch (Exception ex) {
			error = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		}
		int attempts = d.attempts() + 1;
		if (error == null) {
			jdbc.sql("UPDATE outbox SET state = 'sent', attempts = :attempts, sent_at = now(), last_error = NULL "
					+ "WHERE id = :id")
				.param("attempts", attempts)
				.param("id", d.id())
				.update();
			return true;
		}
		boolean giveUp = attempts >= MAX_ATTEMPTS;
		long backoff = Math.min(600, 1L << Math.min(attempts, 20));
		jdbc.sql("""
				UPDATE outbox SET state = :state, attempts = :attempts, last_error = :error,
				    next_attempt_at = :next WHERE id = :id""")
			.param("state", giveUp ? "failed" : "queued")
			.param("attempts", attempts)
			.param("error", error.length() > 500 ? error.substring(0, 500) : error)
			.param("next", Timestamp.from(Instant.now().plusSeconds(backoff)))
			.param("id", d.id())
			.update();
		log.info("reply {} not delivered (attempt {}{}): {}", d.id(), attempts, giveUp ? ", giving up" : "", error);
		return false;
	}

	/** Where a channel's e-mail replies go out. */
	record Smtp(String host, int port, boolean starttls, String username, String password, String from) {
	}

	private void send(Due d) throws Exception {
		if ("email".equals(d.connector())) {
			email(d);
			return;
		}
		if (d.url() == null) {
			throw new IllegalStateException("the channel has no reply webhook any more");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", d.id().toString());
		body.put("messageId", d.message().toString());
		body.put("conversationId", d.conversation().toString());
		body.put("brandId", d.brand().toString());
		body.put("channel", Map.of("kind", d.channelKind(), "name", d.channelName()));
		body.put("visibility", d.visibility());
		body.put("inReplyTo", d.inReplyTo());
		body.put("text", d.text());
		body.put("createdAt", d.createdAt().toString());
		String payload = json.writeValueAsString(body);
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("X-Rightly-Delivery", d.id().toString())
			.header("X-Rightly-Timestamp", timestamp)
			.header("X-Rightly-Signature", "sha256=" + sign(d.secret(), timestamp, payload))
			.POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("the webhook answered " + response.statusCode());
		}
	}

	/**
	 * The reply as an e-mail to the customer's address, threaded under their message:
	 * {@code In-Reply-To} and {@code References} name it, the subject is theirs with
	 * "Re:".
	 */
	private void email(Due d) throws Exception {
		if (d.smtp() == null) {
			throw new IllegalStateException("the channel has no SMTP server any more");
		}
		if (d.emailTo() == null) {
			throw new IllegalStateException("the customer has no e-mail address");
		}
		org.springframework.mail.javamail.JavaMailSenderImpl sender = new org.springframework.mail.javamail.JavaMailSenderImpl();
		sender.setHost(d.smtp().host());
		sender.setPort(d.smtp().port());
		sender.setDefaultEncoding("UTF-8");
		java.util.Properties props = sender.getJavaMailProperties();
		props.put("mail.smtp.starttls.enable", Boolean.toString(d.smtp().starttls()));
		props.put("mail.smtp.connectiontimeout", "5000");
		props.put("mail.smtp.timeout", "10000");
		if (d.smtp().username() != null) {
			sender.setUsername(d.smtp().username());
			sender.setPassword(d.smtp().password());
			props.put("mail.smtp.auth", "true");
		}
		jakarta.mail.internet.MimeMessage mail = sender.createMimeMessage();
		org.springframework.mail.javamail.MimeMessageHelper helper = new org.springframework.mail.javamail.MimeMessageHelper(
				mail, false, "UTF-8");
		helper.setFrom(d.smtp().from());
		helper.setTo(d.emailTo());
		String subject = d.subject() == null || d.subject().isBlank() ? "Your message" : d.subject().strip();
		helper.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject);
		helper.setText(d.text());
		if (d.inReplyTo() != null && d.inReplyTo().contains("@")) {
			String id = d.inReplyTo().startsWith("<") ? d.inReplyTo() : "<" + d.inReplyTo() + ">";
			mail.setHeader("In-Reply-To", id);
			mail.setHeader("References", id);
		}
		mail.setHeader("X-Rightly-Delivery", d.id().toString());
		sender.send(mail);
	}

	/** HMAC-SHA256 of {@code timestamp + "." + body}, hex. */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec((secret == null ? "" : secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- lifecycle
	// -----------------------------------------------------------------------

	@Override
	protected void round() {
		deliverDue();
		work.wakeSnoozed();
	}

}
