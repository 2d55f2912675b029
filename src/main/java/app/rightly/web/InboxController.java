package app.rightly.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.BrandModels;
import app.rightly.analysis.BrandTopics;
import app.rightly.channels.Channels;
import app.rightly.conversations.ConversationWork;
import app.rightly.conversations.ConversationWork.Detail;
import app.rightly.conversations.ConversationWork.Filter;
import app.rightly.conversations.ConversationWork.Item;
import app.rightly.conversations.ConversationWork.ReplyResult;
import app.rightly.conversations.ConversationWork.ThreadMessage;
import app.rightly.conversations.SavedReplies;
import app.rightly.conversations.SavedViews;
import app.rightly.conversations.Presence;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import app.rightly.tenancy.TenancyManagement;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox, where agents work all day: the current brand's conversations riskiest first
 * with views and filters, and a conversation beside them with its thread, analysis chips,
 * stance, notes and a composer whose draft the reply coach reads as it is typed.
 * Keyboard: j/k, Enter, r, n, a, e, /, ? (static/js/rightly.js).
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

	private final CurrentBrand currentBrand;

	private final ConversationWork work;

	private final TenancyManagement tenancy;

	private final BrandModels models;

	private final BrandAccess access;

	private final SavedReplies savedReplies;

	private final JsonMapper json = JsonMapper.builder().build();

	private final BrandTopics topics;

	private final Channels channels;

	private final SavedViews savedViews;

	private final Presence presence;

	InboxController(CurrentBrand currentBrand, ConversationWork work, TenancyManagement tenancy, BrandModels models,
			BrandAccess access, SavedReplies savedReplies, BrandTopics topics, Channels channels, SavedViews savedViews,
			Presence presence) {
		this.savedViews = savedViews;
		this.presence = presence;
		this.topics = topics;
		this.channels = channels;
		this.access = access;
		this.savedReplies = savedReplies;
		this.currentBrand = currentBrand;
		this.work = work;
		this.tenancy = tenancy;
		this.models = models;
	}

	/** A conversation as a row: the item and the chips of its latest customer message. */
	record Row(Item item, String sentiment, String intent, String urgency, String excerpt) {
	}

	/** A saved reply, its variables filled in for this conversation. */
	record Saved(String name, String text) {
	}

	/** A message of the thread with its chips. */
	record Line(ThreadMessage message, String sentiment, String intent, String urgency, List<String> emotions,
			List<String> why, boolean abusive) {
	}

	/**
	 * Whether a stored analysis's toxicity is abuse of a person
	 * (Analysis.Toxicity#abuse): its own reading, or for one stored before that was read,
	 * toxic with abusive words.
	 */
	static boolean abusive(Map<?, ?> toxicity) {
		return Analysis.Toxicity.abuse(toxicity.get("abusive") instanceof Boolean b ? b : null,
				Boolean.TRUE.equals(toxicity.get("toxic")),
				toxicity.get("spans") instanceof List<?> spans && !spans.isEmpty());
	}

	private Brand brand(CurrentUser user, HttpServletRequest request) {
		BrandAccess.require(user, Permission.WORK_CONVERSATIONS);
		return currentBrand.of(user, request.getSession(false)).orElse(null);
	}

	/**
	 * The brand a conversation belongs to, among those the user sees: the current one
	 * first. Opening a conversation of another brand makes that brand the current one.
	 */
	private Brand brandOf(CurrentUser user, HttpServletRequest request, UUID conversation) {
		Brand current = brand(user, request);
		List<Brand> candidates = new ArrayList<>();
		if (current != null) {
			candidates.add(current);
		}
		for (Brand b : access.visibleBrands(user)) {
			if (current == null || !b.id().equals(current.id())) {
				candidates.add(b);
			}
		}
		for (Brand b : candidates) {
			if (work.find(b.tenant(), conversation).isPresent()) {
				if (current == null || !b.id().equals(current.id())) {
					currentBrand.switchTo(user, request.getSession(true), b.id().value().toString());
				}
				return b;
			}
		}
		throw new NotFoundException("conversation");
	}

	@GetMapping
	String inbox(CurrentUser user, HttpServletRequest request, @RequestParam Map<String, String> params, Model model) {
		Brand brand = brand(user, request);
		if (brand == null) {
			return "inbox";
		}
		Map<String, String> p = new java.util.HashMap<>(params);
		String view = p.getOrDefault("view", "all");
		String agent = blank(p.get("agent"));
		// a saved view names its assignee: me and none are the Mine and Unassigned views
		String named = blank(p.get("assignee"));
		if ("me".equals(named) || "none".equals(named)) {
			view = named.equals("me") ? "mine" : "unassigned";
		}
		else if (named != null) {
			view = "all";
			agent = named;
		}
		p.put("assignee", switch (view) {
			case "mine" -> "me";
			case "unassigned" -> "none";
			default -> agent == null ? "" : agent;
		});
		p.putIfAbsent("status", "open");
		p.putIfAbsent("sort", "risk");
		int cursor = 0;
		try {
			cursor = Math.max(0, Integer.parseInt(p.getOrDefault("cursor", "0")));
		}
		catch (NumberFormatException ex) {
			model.addAttribute("filterError", "cursor");
		}
		ConversationWork.Page page;
		try {
			page = work.list(brand.tenant(), user.id(), Filter.of(p, cursor, 50));
		}
		catch (InvalidInputException ex) {
			page = work.list(brand.tenant(), user.id(),
					new Filter("risk", "open", blank(p.get("assignee")), null, null, null, null, null, false, 0, 50));
			model.addAttribute("filterError", ex.errors().get(0).field());
		}
		String sort = p.get("sort");
		String status = p.get("status");
		String q = p.get("q");
		String intent = p.get("intent");
		String sentiment = p.get("sentiment");
		String urgency = p.get("urgency");
		boolean breached = "true".equals(p.get("breached"));
		String label = p.get("label");
		String topic = p.get("topic");
		boolean review = "true".equals(p.get("review"));
		String channel = blank(p.get("channel"));
		// the conversation view lists the same conversations beside the one open
		request.getSession(true).setAttribute(INBOX_QUERY, SavedViews.canonical(p));
		model.addAttribute("rows", rows(page));
		model.addAttribute("page", page);
		model.addAttribute("counts", work.counts(brand.tenant(), user.id()));
		model.addAttribute("view", view);
		model.addAttribute("sort", sort);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		model.addAttribute("intent", intent);
		model.addAttribute("sentiment", sentiment);
		model.addAttribute("urgency", urgency);
		model.addAttribute("breached", breached);
		model.addAttribute("label", label);
		model.addAttribute("topic", topic);
		model.addAttribute("review", review);
		model.addAttribute("channel", channel);
		model.addAttribute("agent", "all".equals(view) ? agent : null);
		model.addAttribute("savedViews", savedViews.counted(brand.tenant(), user.id()));
		model.addAttribute("saved", p.get("saved"));
		model.addAttribute("currentUserId", user.id().value());
		model.addAttribute("available", presence.available(user.id()));
		model.addAttribute("query", SavedViews.canonical(p));
		model.addAttribute("topicChoices", topicChoices(brand));
		model.addAttribute("channelChoices", channels.list(brand.tenant()));
		model.addAttribute("team", tenancy.team(brand.tenant()));
		return "inbox";
	}

	/** The session's last inbox filters (the inbox's query string). */
	static final String INBOX_QUERY = "rightly.inboxQuery";

	private List<Row> rows(ConversationWork.Page page) {
		List<Row> rows = new ArrayList<>();
		for (Item item : page.items()) {
			Map<String, Object> a = parse(item.latest() == null ? null : item.latest().analysis());
			String text = item.latest() == null ? "" : item.latest().text();
			rows.add(new Row(item, label(a, "sentiment", "label"), label(a, "intent", "label"),
					label(a, "urgency", "level"), text.length() > 160 ? text.substring(0, 157) + "…" : text));
		}
		return rows;
	}

	/**
	 * The first page of the list the agent came from (their last inbox filters), to show
	 * beside a conversation; none when those filters do not apply to this brand.
	 */
	private List<Row> queue(CurrentUser user, Brand brand, String inboxQuery) {
		try {
			return rows(work.list(brand.tenant(), user.id(), Filter.of(SavedViews.parse(inboxQuery), 0, 50)));
		}
		catch (InvalidInputException ex) {
			return List.of();
		}
	}

	/**
	 * The session's last inbox filters ({@code status=open&…}); the open view at first.
	 */
	private static String lastInboxQuery(HttpServletRequest request) {
		jakarta.servlet.http.HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(INBOX_QUERY) instanceof String q ? q : "status=open";
	}

	/** A topic to filter by: its key (an id, or a label of the topic model) and name. */
	record TopicChoice(String key, String kind, String name) {
	}

	/** The brand's topics, promises and policies, then the labels of its topic model. */
	private List<TopicChoice> topicChoices(Brand brand) {
		List<TopicChoice> choices = new ArrayList<>();
		for (BrandTopics.BrandTopic t : topics.list(brand.tenant(), null)) {
			choices.add(new TopicChoice(t.id().toString(), t.kind(), t.name()));
		}
		for (BrandModels.ModelInfo m : models.models(brand.tenant())) {
			if (m.task().equals("topic")) {
				for (String l : m.labels()) {
					choices.add(new TopicChoice(l, "model", l));
				}
			}
		}
		return choices;
	}

	/** Saves the current filters as a view (the agent's own, or shared with the team). */
	@PostMapping("/views")
	String saveView(CurrentUser user, HttpServletRequest request, @RequestParam(required = false) String name,
			@RequestParam(required = false) String query, @RequestParam(defaultValue = "false") boolean shared,
			RedirectAttributes flash) {
		Brand brand = brand(user, request);
		if (brand == null) {
			throw new NotFoundException("brand");
		}
		SavedViews.SavedView view = savedViews.create(brand.tenant(), user.id(), name, query == null ? "" : query,
				shared);
		flash.addFlashAttribute("notice", "inbox.views.saved");
		flash.addFlashAttribute("noticeArg", view.name());
		return "redirect:/inbox?" + view.query() + (view.query().isEmpty() ? "" : "&") + "saved=" + view.id();
	}

	@PostMapping("/views/{view}/delete")
	String deleteView(CurrentUser user, HttpServletRequest request, @PathVariable UUID view, RedirectAttributes flash) {
		Brand brand = brand(user, request);
		if (brand == null) {
			throw new NotFoundException("brand");
		}
		savedViews.delete(brand.tenant(), user.id(), user.may(Permission.MANAGE_BRAND), view);
		flash.addFlashAttribute("notice", "inbox.views.deleted");
		return "redirect:/inbox";
	}

	/** The agent takes new conversations, or is away. */
	@PostMapping("/availability")
	String availability(CurrentUser user, @RequestParam(defaultValue = "true") boolean available) {
		BrandAccess.require(user, Permission.WORK_CONVERSATIONS);
		presence.set(user.id(), available);
		return "redirect:/inbox";
	}

	/** Bulk actions on the selected rows of the list. */
	@PostMapping("/bulk")
	String bulk(CurrentUser user, HttpServletRequest request, @RequestParam(required = false) List<UUID> ids,
			@RequestParam(defaultValue = "") String action, @RequestParam(required = false) String label,
			RedirectAttributes flash) {
		Brand brand = brand(user, request);
		if (brand == null) {
			throw new NotFoundException("brand");
		}
		int changed = switch (action) {
			case "me" -> work.bulk(brand.tenant(), ids, "assign", user.id().value(), null, user.id());
			case "unassign" -> work.bulk(brand.tenant(), ids, "assign", null, null, user.id());
			case "resolve" -> work.bulk(brand.tenant(), ids, "status", null, "resolved", user.id());
			case "label" -> work.bulk(brand.tenant(), ids, "label", null, label, user.id());
			default -> throw new InvalidInputException("action", "must be me, unassign, resolve or label");
		};
		flash.addFlashAttribute("notice", "inbox.bulk.done");
		flash.addFlashAttribute("noticeArg", changed);
		return "redirect:/inbox";
	}

	@GetMapping("/conversations/{id}")
	String conversation(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, Model model) {
		Brand brand = brandOf(user, request, id);
		Detail detail = work.detail(brand.tenant(), id);
		work.markRead(brand.tenant(), id, user.id());
		String inboxQuery = lastInboxQuery(request);
		model.addAttribute("queue", queue(user, brand, inboxQuery));
		model.addAttribute("inboxQuery", inboxQuery);
		List<Line> lines = new ArrayList<>();
		for (ThreadMessage m : detail.messages()) {
			Map<String, Object> a = parse(m.analysis());
			List<String> emotions = new ArrayList<>();
			List<String> why = new ArrayList<>();
			boolean abusive = false;
			if (a != null) {
				if (a.get("emotions") instanceof List<?> list) {
					for (Object e : list) {
						if (e instanceof Map<?, ?> map) {
							emotions.add(String.valueOf(map.get("name")));
						}
					}
				}
				if (a.get("evidence") instanceof List<?> list) {
					for (Object e : list) {
						if (e instanceof Map<?, ?> map && map.get("start") != null) {
							why.add(map.get("label") + ": " + map.get("text"));
						}
					}
				}
				abusive = a.get("toxicity") instanceof Map<?, ?> t && abusive(t);
			}
			lines.add(new Line(m, label(a, "sentiment", "label"), label(a, "intent", "label"),
					label(a, "urgency", "level"), emotions, why, abusive));
		}
		model.addAttribute("detail", detail);
		model.addAttribute("c", detail.conversation());
		model.addAttribute("lines", lines);
		model.addAttribute("team", tenancy.team(brand.tenant()));
		model.addAttribute("statuses", ConversationWork.STATUSES);
		model.addAttribute("canFlag", user.may(Permission.MANAGE_BRAND));
		model.addAttribute("flaggedBy",
				detail.customer().abusive() == null ? null
						: tenancy.team(brand.tenant())
							.stream()
							.filter(m -> m.id().value().equals(detail.customer().abusive().by()))
							.map(m -> m.name() != null ? m.name() : m.email())
							.findFirst()
							.orElse(""));
		Map<String, String> values = Map.of("customer.name",
				detail.conversation().customer() == null || detail.conversation().customer().name() == null ? ""
						: detail.conversation().customer().name(),
				"agent.name", user.name() == null ? "" : user.name(), "brand.name", brand.name());
		model.addAttribute("savedReplies",
				savedReplies.list(brand.tenant(), null)
					.stream()
					.map(r -> new Saved(r.name(), SavedReplies.fill(r.text(), values)))
					.toList());
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", "");
		}
		return "conversation";
	}

	/** The coach's findings for the draft being typed: a fragment for the composer. */
	@PostMapping("/conversations/{id}/coach")
	String coach(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, Model model) {
		Brand brand = brandOf(user, request, id);
		model.addAttribute("coaching", text.isBlank() ? null : work.coach(brand.tenant(), id, text));
		return "conversation :: coach";
	}

	@PostMapping("/conversations/{id}/reply")
	String reply(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "false") boolean confirm,
			Model model, RedirectAttributes flash) {
		Brand brand = brandOf(user, request, id);
		ReplyResult result;
		try {
			result = work.reply(brand.tenant(), id, text, confirm, user.id());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("replyError", ex.errors().get(0).message());
			model.addAttribute("draft", text);
			return conversation(user, request, id, model);
		}
		if (result.messageId() == null) {
			model.addAttribute("draft", text);
			model.addAttribute("coaching", result.coach());
			model.addAttribute("needsConfirmation", true);
			return conversation(user, request, id, model);
		}
		flash.addFlashAttribute("notice", "inbox.reply." + result.state());
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/conversations/{id}/status")
	String status(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer snoozeHours,
			RedirectAttributes flash) {
		Brand brand = brandOf(user, request, id);
		if (status == null) {
			throw new InvalidInputException("status", "must be given");
		}
		java.time.Instant until = status.equals("snoozed")
				? java.time.Instant.now().plusSeconds(3600L * (snoozeHours == null ? 4 : snoozeHours)) : null;
		work.status(brand.tenant(), id, status, until, user.id());
		flash.addFlashAttribute("notice", "inbox.status.changed");
		flash.addFlashAttribute("noticeArg", status);
		return status.equals("resolved") ? "redirect:/inbox" : "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/conversations/{id}/assign")
	String assign(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String assignee) {
		Brand brand = brandOf(user, request, id);
		UUID to = assignee.isBlank() ? null
				: assignee.equals("me") ? user.id().value() : parseUuid(assignee, "assignee");
		work.assign(brand.tenant(), id, to, user.id());
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/conversations/{id}/labels")
	String labels(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(required = false) String add, @RequestParam(required = false) String remove) {
		Brand brand = brandOf(user, request, id);
		work.label(brand.tenant(), id, add == null || add.isBlank() ? List.of() : List.of(add),
				remove == null || remove.isBlank() ? List.of() : List.of(remove), user.id());
		return "redirect:/inbox/conversations/" + id;
	}

	/** A brand manager flags the customer as abusive, or lifts the flag. */
	@PostMapping("/conversations/{id}/abusive")
	String abusive(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean lift,
			RedirectAttributes flash) {
		Brand brand = brandOf(user, request, id);
		BrandAccess.require(user, Permission.MANAGE_BRAND);
		work.flagCustomer(brand.tenant(), id, !lift, note, user.id());
		flash.addFlashAttribute("notice", lift ? "conversation.abusive.lifted" : "conversation.abusive.flagged");
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/conversations/{id}/notes")
	String note(CurrentUser user, HttpServletRequest request, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String text) {
		Brand brand = brandOf(user, request, id);
		work.note(brand.tenant(), id, text, user.id());
		return "redirect:/inbox/conversations/" + id;
	}

	@PostMapping("/conversations/{id}/replies/{reply}/sent")
	String sent(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, @PathVariable UUID reply) {
		Brand brand = brandOf(user, request, id);
		work.markSent(brand.tenant(), id, reply, user.id());
		return "redirect:/inbox/conversations/" + id;
	}

	/** One-click correction of a message's label: kept as a training example. */
	@PostMapping("/conversations/{id}/messages/{message}/labels")
	String correct(CurrentUser user, HttpServletRequest request, @PathVariable UUID id, @PathVariable UUID message,
			@RequestParam(required = false) String task, @RequestParam(required = false) String label,
			RedirectAttributes flash) {
		Brand brand = brandOf(user, request, id);
		ThreadMessage m = work.detail(brand.tenant(), id)
			.messages()
			.stream()
			.filter(x -> x.id().equals(message))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("message"));
		models.correct(brand.tenant(), m.id(), m.text(), task, label, user.id());
		flash.addFlashAttribute("notice", "inbox.corrected");
		flash.addFlashAttribute("noticeArg", label);
		return "redirect:/inbox/conversations/" + id;
	}

	private static UUID parseUuid(String value, String field) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "must be a user id");
		}
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String analysis) {
		if (analysis == null) {
			return null;
		}
		try {
			return json.readValue(analysis, Map.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String label(Map<String, Object> analysis, String field, String key) {
		if (analysis == null || Boolean.FALSE.equals(analysis.get("analysed"))) {
			return null;
		}
		return analysis.get(field) instanceof Map<?, ?> m && m.get(key) != null ? String.valueOf(m.get(key)) : null;
	}

}
