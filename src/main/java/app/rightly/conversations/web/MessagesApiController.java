package app.rightly.conversations.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import app.rightly.analysis.BrandModels;
import app.rightly.channels.ChannelKey;
import app.rightly.channels.Channels;
import app.rightly.conversations.ConversationQueries;
import app.rightly.conversations.ConversationQueries.MessageFilter;
import app.rightly.conversations.ConversationQueries.MessagePage;
import app.rightly.conversations.ConversationQueries.MessageView;
import app.rightly.conversations.IncomingMessage;
import app.rightly.conversations.IncomingMessageJson;
import app.rightly.conversations.IngestGate;
import app.rightly.conversations.IngestResult;
import app.rightly.conversations.MessageIngestion;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.InvalidInputException.FieldError;
import app.rightly.shared.MalformedBodyException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.PayloadTooLargeException;
import app.rightly.shared.Problems;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingest API: messages in, one result per message; and messages out, page by page.
 */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Messages", description = "Push messages in; page through them with their analysis")
@SecurityRequirement(name = "bearer")
class MessagesApiController {

	static final int MAX_BATCH = 1000;

	private final BrandAccess access;

	private final MessageIngestion ingestion;

	private final IngestGate gate;

	private final IngestGate.Settings settings;

	private final ConversationQueries queries;

	private final Channels channels;

	private final BrandModels models;

	private final JsonMapper json = JsonMapper.builder().build();

	MessagesApiController(BrandAccess access, MessageIngestion ingestion, IngestGate gate, IngestGate.Settings settings,
			ConversationQueries queries, Channels channels, BrandModels models) {
		this.access = access;
		this.ingestion = ingestion;
		this.gate = gate;
		this.settings = settings;
		this.queries = queries;
		this.channels = channels;
		this.models = models;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ItemResult(int index, String status, UUID messageId, UUID conversationId, List<FieldError> errors) {

		static ItemResult of(int index, IngestResult r) {
			return new ItemResult(index, r.status().id(), r.messageId(), r.conversationId(),
					r.errors().isEmpty() ? null : r.errors());
		}

	}

	record IngestResponse(List<ItemResult> results, int created, int duplicates, int rejected) {
	}

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, "application/*+json" })
	@Operation(summary = "Push one message or an array of up to 1,000", description = """
			Idempotent on (brand, channel, externalId): a message sent again is reported `duplicate` with \
			the stored ids. The answer is 200 with one result per item, in order: `created`, `duplicate` or \
			`rejected` with `errors[]` naming each bad field — valid items of a batch are stored even when \
			others are rejected. It is sent only after the messages are committed. Unknown channels are \
			created for the kinds `api` and `import`; others must exist (POST …/channels). 429 with \
			Retry-After when the server is saturated; 413 over 1,000 items or 32 MB.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(array = @ArraySchema(schema = @Schema(implementation = MessageInput.class)))))
	ResponseEntity<?> ingest(CurrentUser user, @Parameter(description = "brand slug or id") @PathVariable String brand,
			HttpServletRequest request) throws IOException {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		long length = request.getContentLengthLong();
		if (length > settings.maxBodyBytes()) {
			throw new PayloadTooLargeException("The body is larger than " + settings.maxBodyBytes() / (1024 * 1024)
					+ " MB; send smaller batches.");
		}
		try (IngestGate.Place place = gate.enter()) {
			if (place == null) {
				ProblemDetail problem = Problems.of(Problems.Type.TOO_MANY_REQUESTS,
						"The server is storing as fast as it can; retry this batch in a second.");
				return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
					.header("Retry-After", "1")
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
			JsonNode body = read(request.getInputStream());
			List<JsonNode> items = new ArrayList<>();
			if (body.isArray()) {
				if (body.size() > MAX_BATCH) {
					throw new PayloadTooLargeException(
							"A batch holds at most " + MAX_BATCH + " messages; this one has " + body.size() + ".");
				}
				body.forEach(items::add);
			}
			else if (body.isObject()) {
				items.add(body);
			}
			else {
				throw new InvalidInputException("body", "must be a message object or an array of them");
			}
			return ResponseEntity.ok(store(tenant, items));
		}
	}

	private IngestResponse store(Tenant tenant, List<JsonNode> items) {
		ItemResult[] results = new ItemResult[items.size()];
		List<IncomingMessage> valid = new ArrayList<>();
		List<Integer> validAt = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			IncomingMessageJson.Parsed parsed = IncomingMessageJson.parse(items.get(i));
			if (parsed.valid()) {
				valid.add(parsed.message());
				validAt.add(i);
			}
			else {
				results[i] = ItemResult.of(i, IngestResult.rejected(parsed.errors()));
			}
		}
		List<IngestResult> stored = valid.isEmpty() ? List.of() : ingestion.ingest(tenant, valid);
		for (int j = 0; j < stored.size(); j++) {
			results[validAt.get(j)] = ItemResult.of(validAt.get(j), stored.get(j));
		}
		int created = 0;
		int duplicates = 0;
		int rejected = 0;
		for (ItemResult r : results) {
			switch (r.status()) {
				case "created" -> created++;
				case "duplicate" -> duplicates++;
				default -> rejected++;
			}
		}
		return new IngestResponse(List.of(results), created, duplicates, rejected);
	}

	private JsonNode read(InputStream in) {
		try (InputStream limited = new LimitedInputStream(in, settings.maxBodyBytes())) {
			JsonNode node = json.readTree(limited);
			if (node == null || node.isMissingNode()) {
				throw new MalformedBodyException("The body is empty; send a message object or an array of them.");
			}
			return node;
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof PayloadTooLargeException tooLarge) {
				throw tooLarge;
			}
			String message = ex.getOriginalMessage() == null ? "" : ex.getOriginalMessage();
			throw new MalformedBodyException(message.contains("UTF-8") ? "The body is not valid UTF-8: " + message
					: "The body is not valid JSON: " + message);
		}
		catch (IOException ex) {
			throw new MalformedBodyException("The body could not be read: " + ex.getMessage());
		}
	}

	// ---- reading messages
	// ----------------------------------------------------------------

	record Page(List<MessageView> items, String nextCursor) {
	}

	@GetMapping
	@Operation(summary = "Page through messages with their analysis", description = """
			In the order they were stored (`order=asc`, default) or the reverse (`order=desc`). Pass the \
			`nextCursor` of a page as `cursor` to get the next; pages never skip or repeat a message, even \
			while new ones arrive. `since`/`until` filter on the time the message was written (ISO-8601 with \
			an offset), `channel` is `kind:name` or a channel id.""")
	Page messages(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, @RequestParam(required = false) String channel,
			@RequestParam(required = false) UUID conversation, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "asc") String order) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		List<FieldError> errors = new ArrayList<>();
		Instant from = time("since", since, errors);
		Instant to = time("until", until, errors);
		Long after = cursor(cursor, errors);
		if (limit < 1 || limit > ConversationQueries.MAX_PAGE) {
			errors.add(new FieldError("limit", "must be between 1 and " + ConversationQueries.MAX_PAGE));
		}
		if (!order.equals("asc") && !order.equals("desc")) {
			errors.add(new FieldError("order", "must be asc or desc"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		UUID channelId = null;
		if (channel != null && !channel.isBlank()) {
			channelId = channelId(tenant, channel);
			if (channelId == null) {
				return new Page(List.of(), null); // no such channel: no messages
			}
		}
		MessagePage page = queries.messages(tenant,
				new MessageFilter(from, to, channelId, conversation, after, order.equals("desc"), limit));
		return new Page(page.items(), page.next() == null ? null : encode(page.next()));
	}

	@GetMapping("/{message}")
	@Operation(summary = "One message with its analysis")
	MessageView message(CurrentUser user, @PathVariable String brand, @PathVariable UUID message) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		return queries.message(tenant, message).orElseThrow(() -> new NotFoundException("message"));
	}

	record LabelInput(String task, String label) {
	}

	record LabelResult(UUID message, String task, String label, int examples) {
	}

	@PostMapping(path = "/{message}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Correct a label of a message's analysis", description = """
			`task` is `sentiment`, `intent`, `emotion` or `topic`; `label` the right label (1–100 characters; \
			for sentiment `negative`, `neutral` or `positive`). Stored as a labelled example of the brand and \
			used by the next training (POST …/models/{task}/train); correcting the same message and task \
			again replaces the earlier correction. `examples` is how many examples the task now has.""")
	LabelResult label(CurrentUser user, @PathVariable String brand, @PathVariable UUID message,
			@RequestBody LabelInput input) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		MessageView found = queries.message(tenant, message).orElseThrow(() -> new NotFoundException("message"));
		String task = input.task() == null ? null : input.task().strip();
		int examples = models.correct(tenant, found.id(), found.text(), task, input.label(), user.id());
		return new LabelResult(found.id(), task, input.label().strip(), examples);
	}

	private UUID channelId(Tenant tenant, String channel) {
		try {
			UUID id = UUID.fromString(channel);
			return channels.find(tenant, id).map(Channels.Channel::id).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			String[] parts = channel.split(":", 2);
			return channels.find(tenant, new ChannelKey(parts[0], parts.length > 1 ? parts[1] : parts[0]))
				.map(Channels.Channel::id)
				.orElse(null);
		}
	}

	private static Instant time(String field, String value, List<FieldError> errors) {
		try {
			return DateTimes.instant(field, value);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
			return null;
		}
	}

	static String encode(long position) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("m" + position).getBytes(StandardCharsets.US_ASCII));
	}

	static Long cursor(String cursor, List<FieldError> errors) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
			if (text.startsWith("m")) {
				return Long.parseLong(text.substring(1));
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		errors.add(new FieldError("cursor", "is not a cursor this API handed out"));
		return null;
	}

}
