package app.rightly.conversations.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.conversations.AutoAssignment;
import app.rightly.conversations.SavedReplies;
import app.rightly.channels.ChannelKinds;
import app.rightly.conversations.SlaPolicies;
import app.rightly.conversations.SlaPolicy;
import app.rightly.shared.InvalidInputException;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import app.rightly.tenancy.TenancyManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Inbox: the brand's response targets (SLA policy), its automatic assignment
 * rule and its saved replies — what the API offers, as forms. For managers and above.
 */
@Controller
@RequestMapping("/brands/{brand}/inbox-settings")
class InboxSettingsController {

	private final BrandAccess access;

	private final SlaPolicies slas;

	private final AutoAssignment assignment;

	private final SavedReplies savedReplies;

	private final TenancyManagement tenancy;

	InboxSettingsController(BrandAccess access, SlaPolicies slas, AutoAssignment assignment, SavedReplies savedReplies,
			TenancyManagement tenancy) {
		this.access = access;
		this.slas = slas;
		this.assignment = assignment;
		this.savedReplies = savedReplies;
		this.tenancy = tenancy;
	}

	/** What the SLA form sends; empty numbers are reported as out of range. */
	record SlaForm(Integer firstHigh, Integer firstMedium, Integer firstLow, Integer nextHigh, Integer nextMedium,
			Integer nextLow, Boolean businessHours, String timeZone, List<Integer> workDays, String dayStart,
			String dayEnd) {

		static SlaForm of(SlaPolicy p) {
			return new SlaForm(p.firstHigh(), p.firstMedium(), p.firstLow(), p.nextHigh(), p.nextMedium(), p.nextLow(),
					p.businessHours(), p.timeZone(), p.workDays(), p.dayStart().toString(), p.dayEnd().toString());
		}

		/** The policy, keeping the channel kinds' own targets (set by API). */
		SlaPolicy policy(Map<String, SlaPolicy.ChannelTarget> channels) {
			return new SlaPolicy(n(firstHigh), n(firstMedium), n(firstLow), n(nextHigh), n(nextMedium), n(nextLow),
					Boolean.TRUE.equals(businessHours), timeZone, workDays == null ? List.of() : workDays,
					SlaPolicies.time("dayStart", dayStart), SlaPolicies.time("dayEnd", dayEnd), channels);
		}

		private static int n(Integer v) {
			return v == null ? 0 : v;
		}

	}

	/** A channel kind's own first and next reply targets, in minutes. */
	record ChannelForm(String kind, Integer first, Integer next) {

		/**
		 * The policy with this kind's targets added or replaced, checked as the API
		 * checks.
		 */
		SlaPolicy applied(SlaPolicy policy) {
			String k = kind == null ? "" : kind.strip().toLowerCase(java.util.Locale.ROOT);
			SlaPolicy.ChannelTarget target = new SlaPolicy.ChannelTarget(first == null ? 0 : first,
					next == null ? 0 : next);
			Map<String, String> problems = SlaPolicies.channelProblems(k, target);
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems.entrySet()
					.stream()
					.map(e -> new InvalidInputException.FieldError(e.getKey(), e.getValue()))
					.toList());
			}
			Map<String, SlaPolicy.ChannelTarget> targets = new java.util.HashMap<>(policy.channels());
			targets.put(k, target);
			return policy.withChannels(targets);
		}

	}

	record AssignmentForm(String mode, Integer cap, List<UUID> agents) {
	}

	record ReplyForm(UUID id, String name, String text) {
	}

	@GetMapping
	String page(CurrentUser user, @PathVariable String brand, Model model) {
		Brand b = brandFor(user, brand);
		model.addAttribute("settingsBrand", b);
		if (!model.containsAttribute("sla")) {
			model.addAttribute("sla", SlaForm.of(slas.of(b.tenant())));
		}
		if (!model.containsAttribute("rule")) {
			AutoAssignment.Rule r = assignment.rule(b.tenant());
			model.addAttribute("rule", new AssignmentForm(r.mode(), r.cap(), r.agents()));
		}
		if (!model.containsAttribute("reply")) {
			model.addAttribute("reply", new ReplyForm(null, "", ""));
		}
		model.addAttribute("slaChannels", new java.util.TreeMap<>(slas.of(b.tenant()).channels()));
		if (!model.containsAttribute("channel")) {
			model.addAttribute("channel", new ChannelForm("", null, null));
		}
		model.addAttribute("channelKinds", ChannelKinds.all());
		model.addAttribute("modes", AutoAssignment.MODES);
		model.addAttribute("team", tenancy.team(b.tenant()));
		model.addAttribute("replies", savedReplies.list(b.tenant(), null));
		model.addAttribute("variables", SavedReplies.VARIABLES);
		model.addAttribute("days", List.of(1, 2, 3, 4, 5, 6, 7));
		return "settings/inbox";
	}

	@PostMapping("/sla")
	String sla(CurrentUser user, @PathVariable String brand, SlaForm form, Model model, RedirectAttributes flash) {
		return submit(user, brand, model, flash, "sla", form, "",
				b -> slas.set(b.tenant(), form.policy(slas.of(b.tenant()).channels())));
	}

	@PostMapping("/sla/channels")
	String slaChannel(CurrentUser user, @PathVariable String brand, ChannelForm form, Model model,
			RedirectAttributes flash) {
		return submit(user, brand, model, flash, "channel", form, "#sla",
				b -> slas.set(b.tenant(), form.applied(slas.of(b.tenant()))));
	}

	@PostMapping("/sla/channels/{kind}/delete")
	String deleteSlaChannel(CurrentUser user, @PathVariable String brand, @PathVariable String kind,
			RedirectAttributes flash) {
		Brand b = brandFor(user, brand);
		SlaPolicy policy = slas.of(b.tenant());
		Map<String, SlaPolicy.ChannelTarget> targets = new java.util.HashMap<>(policy.channels());
		targets.remove(kind);
		slas.set(b.tenant(), policy.withChannels(targets));
		flash.addFlashAttribute("notice", "inboxSettings.channel.deleted");
		return "redirect:/brands/" + b.slug() + "/inbox-settings#sla";
	}

	@PostMapping("/assignment")
	String assignment(CurrentUser user, @PathVariable String brand, AssignmentForm form, Model model,
			RedirectAttributes flash) {
		return submit(user, brand, model, flash, "rule", form, "",
				b -> assignment.setRule(b.tenant(), new AutoAssignment.Rule(form.mode(),
						form.cap() == null ? 0 : form.cap(), form.agents() == null ? List.of() : form.agents())));
	}

	@PostMapping("/saved-replies")
	String saveReply(CurrentUser user, @PathVariable String brand, ReplyForm form, Model model,
			RedirectAttributes flash) {
		return submit(user, brand, model, flash, "reply", form, "#saved-replies",
				b -> savedReplies.save(b.tenant(), form.id(), form.name(), form.text()));
	}

	/**
	 * Saves one form: back to the page with a notice, or the page again with the form as
	 * sent and its errors by field ({@code <name>Errors}).
	 */
	private String submit(CurrentUser user, String brand, Model model, RedirectAttributes flash, String name,
			Object form, String anchor, java.util.function.Consumer<Brand> save) {
		Brand b = brandFor(user, brand);
		try {
			save.accept(b);
			flash.addFlashAttribute("notice", "inboxSettings." + name + ".saved");
			return "redirect:/brands/" + b.slug() + "/inbox-settings" + anchor;
		}
		catch (InvalidInputException ex) {
			model.addAttribute(name, form);
			model.addAttribute(name + "Errors", errors(ex));
			return page(user, brand, model);
		}
	}

	@PostMapping("/saved-replies/{savedReply}/delete")
	String deleteReply(CurrentUser user, @PathVariable String brand, @PathVariable UUID savedReply,
			RedirectAttributes flash) {
		Brand b = brandFor(user, brand);
		savedReplies.delete(b.tenant(), savedReply);
		flash.addFlashAttribute("notice", "inboxSettings.replies.deleted");
		return "redirect:/brands/" + b.slug() + "/inbox-settings#saved-replies";
	}

	/** The first problem of each field (agents[2] counts as agents). */
	private static Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors().forEach(e -> errors.putIfAbsent(e.field().replaceAll("\\[\\d+]$", ""), e.message()));
		return errors;
	}

	private Brand brandFor(CurrentUser user, String brand) {
		Brand b = access.brand(user, brand);
		BrandAccess.require(user, Permission.MANAGE_BRAND);
		return b;
	}

}
