package app.rightly.conversations.web;

import java.time.Instant;
import java.util.UUID;

import app.rightly.analysis.ReplyCoach;
import app.rightly.conversations.ConversationWork;
import app.rightly.conversations.ConversationWork.Detail;
import app.rightly.conversations.ConversationWork.Filter;
import app.rightly.conversations.ConversationWork.Item;
import app.rightly.conversations.ConversationWork.Note;
import app.rightly.conversations.ConversationWork.Page;
import app.rightly.conversations.ConversationWork.ReplyResult;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The inbox by API: conversations by risk, one conversation with its thread and stance,
 * assigning, status, notes, the reply coach and replies.
 */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/conversations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations", description = "The inbox: list, work and answer conversations")
@SecurityRequirement(name = "bearer")
class ConversationsApiController {

	private final BrandAccess access;

	private final ConversationWork work;

	ConversationsApiController(BrandAccess access, ConversationWork work) {
		this.access = access;
		this.work = work;
	}

	@GetMapping
	@Operation(summary = "Conversations, riskiest first",
			description = """
					`sort` risk (default), newest or oldest; `status` open, pending, snoozed, resolved or all (default all); \
					`assignee` me, none or a user id; `channel` id; `sentiment`, `intent`, `urgency` of the latest customer \
					message; `topic` a topic, promise or policy id of the brand or a label of its topic model, matched in the \
					latest customer message; `review=true` for readings that need a person's look (not analysed, or unsure); \
					`label` a conversation label; `breached=true` for late answers; `q` searches customer names and handles and the words of every \
					message; `limit` 1–200 (50); `cursor` from `next`.""")
	Page list(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) UUID channel, @RequestParam(required = false) String sentiment,
			@RequestParam(required = false) String intent, @RequestParam(required = false) String urgency,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean breached,
			@RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int cursor,
			@RequestParam(required = false) String label, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "false") boolean review) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		return work.list(tenant, user.id(), new Filter(sort, status, assignee, channel, blank(sentiment), blank(intent),
				blank(urgency), blank(q), breached, cursor, limit, blank(label), blank(topic), review));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	record BulkInput(java.util.List<UUID> ids, String action, UUID assignee, String status, String label) {
	}

	record LabelsInput(java.util.List<String> add, java.util.List<String> remove) {
	}

	@PostMapping(path = "/{conversation}/labels", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add and remove labels (`add`, `remove`: lists of 1–50 letters, digits, - or _)")
	Item labels(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody LabelsInput input) {
		return work.label(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, input.add(),
				input.remove(), user.id());
	}

	record BulkResult(int changed) {
	}

	@PostMapping(path = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change many conversations at once",
			description = """
					`ids` (1–500) and `action`: `assign` with `assignee` (a teammate's id, or null), `status` with \
					`status` (open, pending or resolved), or `label` with `label`. All or nothing: one id not found, nothing changes.""")
	BulkResult bulk(CurrentUser user, @PathVariable String brand, @RequestBody BulkInput input) {
		return new BulkResult(
				work.bulk(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), input.ids(), input.action(),
						input.assignee(), "label".equals(input.action()) ? input.label() : input.status(), user.id()));
	}

	@GetMapping("/{conversation}")
	@Operation(summary = "One conversation: its thread with each message's analysis, notes, events and the stance")
	Detail detail(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		Detail detail = work.detail(tenant, conversation);
		work.markRead(tenant, conversation, user.id());
		return detail;
	}

	record AssignInput(UUID assignee) {
	}

	@PostMapping(path = "/{conversation}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Assign to a teammate (`assignee`: a user id), or unassign (`assignee`: null)")
	Item assign(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody AssignInput input) {
		return work.assign(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, input.assignee(),
				user.id());
	}

	record StatusInput(String status, String snoozeUntil) {
	}

	@PostMapping(path = "/{conversation}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the status: open, pending, snoozed (with `snoozeUntil`) or resolved",
			description = "A new customer message reopens a resolved or snoozed conversation.")
	Item status(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody StatusInput input) {
		Instant until = DateTimes.instant("snoozeUntil", input.snoozeUntil());
		return work.status(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, input.status(),
				until, user.id());
	}

	record NoteInput(String text) {
	}

	@PostMapping(path = "/{conversation}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an internal note; @name mentions a teammate")
	Note note(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody NoteInput input) {
		return work.note(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, input.text(),
				user.id());
	}

	record CoachInput(String draft) {
	}

	@PostMapping(path = "/{conversation}/coach", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "What the reply coach says of a draft", description = """
			`findings[]`: `type` (blame, curt, policy, sarcasm, caps, no_empathy, no_next_step, overpromise, \
			personal_data, too_long), `severity` (high: a second click is needed to send; medium), `start`/`end` in \
			the draft, `message`, `suggestion`; `good[]`: what the draft does well.""")
	ReplyCoach.Coaching coach(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody CoachInput input) {
		return work.coach(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, input.draft());
	}

	record ReplyInput(String text, Boolean confirm) {
	}

	@PostMapping(path = "/{conversation}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Reply", description = """
			The coach reads the reply first. With a serious finding and without `confirm: true` nothing is sent: \
			409 with `state: needs_confirmation` and the findings. Otherwise the reply is stored with the conversation \
			and queued for its channel in one transaction: 201 with `state` (`queued` for a channel with a reply \
			webhook, `manual` when the agent posts it elsewhere), the delivery and the coach's findings.""")
	ResponseEntity<ReplyResult> reply(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation,
			@RequestBody ReplyInput input) {
		ReplyResult result = work.reply(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation,
				input.text(), Boolean.TRUE.equals(input.confirm()), user.id());
		return ResponseEntity.status(result.messageId() == null ? HttpStatus.CONFLICT : HttpStatus.CREATED)
			.body(result);
	}

	@PostMapping("/{conversation}/replies/{reply}/sent")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark a manual (or failed) reply as sent by hand")
	void sent(CurrentUser user, @PathVariable String brand, @PathVariable UUID conversation, @PathVariable UUID reply) {
		work.markSent(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), conversation, reply, user.id());
	}

}
