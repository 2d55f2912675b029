package app.rightly.analysis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.analysis.AnalysisRequest;
import app.rightly.analysis.BrandModels;
import app.rightly.analysis.BrandTopics;
import app.rightly.analysis.BrandTopics.BrandTopic;
import app.rightly.analysis.BrandTopics.TopicInput;
import app.rightly.analysis.TextAnalysis;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Analysis: the brand's topics, promises and policies (add, change, delete),
 * its trained models (train again on the stored examples and corrections, drop), and a
 * box to try the analysis on any text. For managers and above.
 */
@Controller
@RequestMapping("/brands/{brand}/analysis")
class AnalysisPagesController {

	private final BrandAccess access;

	private final BrandTopics topics;

	private final BrandModels models;

	private final TextAnalysis analysis;

	AnalysisPagesController(BrandAccess access, BrandTopics topics, BrandModels models, TextAnalysis analysis) {
		this.access = access;
		this.topics = topics;
		this.models = models;
		this.analysis = analysis;
	}

	/** What the topic form sends. */
	record TopicForm(String kind, String name, String description, String phrases) {

		TopicInput input() {
			List<String> lines = new ArrayList<>();
			if (phrases != null) {
				for (String line : phrases.split("\\R")) {
					if (!line.isBlank()) {
						lines.add(line.strip());
					}
				}
			}
			return new TopicInput(kind, name, description, lines);
		}

		static TopicForm of(BrandTopic topic) {
			return new TopicForm(topic.kind(), topic.name(), topic.description(), String.join("\n", topic.phrases()));
		}

	}

	/**
	 * A task with its trained model, if any, and the examples waiting for the next
	 * training.
	 */
	record ModelRow(String task, BrandModels.ModelInfo model, int examples, int corrections) {
	}

	@GetMapping
	String page(CurrentUser user, @PathVariable String brand, Model model) {
		Brand b = brandFor(user, brand);
		model.addAttribute("analysisBrand", b);
		model.addAttribute("topics", topics.list(b.tenant(), null));
		model.addAttribute("kinds", BrandTopics.KINDS);
		List<ModelRow> rows = new ArrayList<>();
		List<BrandModels.ModelInfo> trained = models.models(b.tenant());
		Map<String, int[]> counts = models.exampleCounts(b.tenant());
		for (String task : BrandModels.TASKS) {
			BrandModels.ModelInfo info = trained.stream().filter(m -> m.task().equals(task)).findFirst().orElse(null);
			int[] n = counts.get(task);
			if (info != null || n != null) {
				rows.add(new ModelRow(task, info, n == null ? 0 : n[0], n == null ? 0 : n[1]));
			}
		}
		model.addAttribute("models", rows);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TopicForm("topic", "", "", ""));
		}
		return "settings/analysis";
	}

	@PostMapping("/topics")
	String create(CurrentUser user, @PathVariable String brand, TopicForm form, Model model, RedirectAttributes flash) {
		Brand b = brandFor(user, brand);
		try {
			BrandTopic created = topics.create(b.tenant(), form.input());
			flash.addFlashAttribute("notice", created.name());
			return "redirect:/brands/" + b.slug() + "/analysis";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors(ex));
			return page(user, brand, model);
		}
	}

	@GetMapping("/topics/{topic}")
	String edit(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic, Model model) {
		Brand b = brandFor(user, brand);
		BrandTopic found = topics.find(b.tenant(), topic).orElseThrow(() -> new NotFoundException("topic"));
		model.addAttribute("analysisBrand", b);
		model.addAttribute("topic", found);
		model.addAttribute("kinds", BrandTopics.KINDS);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", TopicForm.of(found));
		}
		return "settings/analysis-topic";
	}

	@PostMapping("/topics/{topic}")
	String update(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic, TopicForm form, Model model) {
		Brand b = brandFor(user, brand);
		try {
			topics.update(b.tenant(), topic, form.input());
			return "redirect:/brands/" + b.slug() + "/analysis";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("form", form);
			model.addAttribute("errors", errors(ex));
			return edit(user, brand, topic, model);
		}
	}

	@PostMapping("/topics/{topic}/delete")
	String delete(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic) {
		Brand b = brandFor(user, brand);
		topics.delete(b.tenant(), topic);
		return "redirect:/brands/" + b.slug() + "/analysis";
	}

	@PostMapping("/models/{task}/train")
	String train(CurrentUser user, @PathVariable String brand, @PathVariable String task, Model model,
			RedirectAttributes flash) {
		Brand b = brandFor(user, brand);
		try {
			BrandModels.Training t = models.train(b.tenant(), task);
			flash.addFlashAttribute("trained", t);
			return "redirect:/brands/" + b.slug() + "/analysis";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("modelError", ex.errors().get(0).message());
			return page(user, brand, model);
		}
	}

	@PostMapping("/models/{task}/drop")
	String drop(CurrentUser user, @PathVariable String brand, @PathVariable String task) {
		Brand b = brandFor(user, brand);
		if (!models.drop(b.tenant(), task)) {
			throw new NotFoundException("model");
		}
		return "redirect:/brands/" + b.slug() + "/analysis";
	}

	@PostMapping("/try")
	String tryIt(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) String text,
			Model model) {
		Brand b = brandFor(user, brand);
		if (text == null || text.isBlank() || text.length() > 20_000) {
			model.addAttribute("tryError", true);
		}
		else {
			model.addAttribute("tried", text);
			model.addAttribute("result", analysis.analyse(new AnalysisRequest(b.tenant(), text, null)));
		}
		return page(user, brand, model);
	}

	private static Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors()
			.forEach(e -> errors.putIfAbsent(e.field().startsWith("phrases") ? "phrases" : e.field(), e.message()));
		return errors;
	}

	private Brand brandFor(CurrentUser user, String brand) {
		Brand b = access.brand(user, brand);
		BrandAccess.require(user, Permission.MANAGE_BRAND);
		return b;
	}

}
