package app.rightly.analysis.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.rightly.analysis.Analysis;
import app.rightly.analysis.AnalysisRequest;
import app.rightly.analysis.BrandModels;
import app.rightly.analysis.BrandTopics;
import app.rightly.analysis.BrandTopics.BrandTopic;
import app.rightly.analysis.BrandTopics.TopicInput;
import app.rightly.analysis.TextAnalysis;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a brand teaches the analysis, by API: its topics, promises and policies, its
 * trained models (list, train again on the stored examples, drop), and a try-out of the
 * analysis on any text.
 */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Analysis", description = "The brand's topics, promises and policies; its models; analysing a text")
@SecurityRequirement(name = "bearer")
class AnalysisApiController {

	private final BrandAccess access;

	private final BrandTopics topics;

	private final BrandModels models;

	private final TextAnalysis analysis;

	AnalysisApiController(BrandAccess access, BrandTopics topics, BrandModels models, TextAnalysis analysis) {
		this.access = access;
		this.topics = topics;
		this.models = models;
		this.analysis = analysis;
	}

	// ---- topics, promises, policies
	// ------------------------------------------------------

	@GetMapping("/topics")
	@Operation(summary = "The brand's topics, promises and policies",
			description = "`kind` filters on `topic`, `promise` or `policy`.")
	List<BrandTopic> topics(CurrentUser user, @Parameter(description = "brand slug or id") @PathVariable String brand,
			@RequestParam(required = false) String kind) {
		return topics.list(access.tenant(user, brand, Permission.VIEW_REPORTS), kind);
	}

	@GetMapping("/topics/{topic}")
	@Operation(summary = "One topic, promise or policy")
	BrandTopic topic(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic) {
		return topics.find(access.tenant(user, brand, Permission.VIEW_REPORTS), topic)
			.orElseThrow(() -> new NotFoundException("topic"));
	}

	@PostMapping(path = "/topics", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Define a topic, promise or policy (manager and above)", description = """
			`kind` is `topic` (default), `promise` or `policy`; `name` 1–100 characters, unique per kind; \
			`description` up to 2,000; `phrases` up to 50 example phrases of up to 200 characters. A message \
			containing one of the phrases (whole words, any case) is matched strongly; the content words of \
			the name and phrases match it more weakly. New messages are matched from now on.""")
	ResponseEntity<BrandTopic> createTopic(CurrentUser user, @PathVariable String brand,
			@RequestBody TopicInput input) {
		Tenant tenant = access.tenant(user, brand, Permission.MANAGE_BRAND);
		BrandTopic created = topics.create(tenant, input);
		return ResponseEntity.created(URI.create("/api/v1/brands/" + brand + "/topics/" + created.id())).body(created);
	}

	@PutMapping(path = "/topics/{topic}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a topic, promise or policy (manager and above)")
	BrandTopic updateTopic(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic,
			@RequestBody TopicInput input) {
		return topics.update(access.tenant(user, brand, Permission.MANAGE_BRAND), topic, input);
	}

	@DeleteMapping("/topics/{topic}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a topic, promise or policy (manager and above)")
	void deleteTopic(CurrentUser user, @PathVariable String brand, @PathVariable UUID topic) {
		topics.delete(access.tenant(user, brand, Permission.MANAGE_BRAND), topic);
	}

	// ---- models
	// --------------------------------------------------------------------------

	record ModelView(String task, List<String> labels, int examples, int corrections, double seconds,
			Instant trainedAt) {
	}

	record ExampleCount(String task, int examples, int corrections) {
	}

	record ModelsView(List<ModelView> models, List<ExampleCount> examples) {
	}

	@GetMapping("/models")
	@Operation(summary = "The brand's trained models and the labelled examples waiting for the next training")
	ModelsView models(CurrentUser user, @PathVariable String brand) {
		Tenant tenant = access.tenant(user, brand, Permission.VIEW_REPORTS);
		List<ModelView> trained = models.models(tenant)
			.stream()
			.map(m -> new ModelView(m.task(), m.labels(), m.examples(), m.corrections(),
					Math.round(m.seconds() * 100) / 100.0, m.trainedAt()))
			.toList();
		List<ExampleCount> counts = new ArrayList<>();
		models.exampleCounts(tenant).forEach((task, n) -> counts.add(new ExampleCount(task, n[0], n[1])));
		return new ModelsView(trained, counts);
	}

	@PostMapping("/models/{task}/train")
	@Operation(summary = "Train the brand's model for a task again (manager and above)", description = """
			`task` is `sentiment`, `intent`, `emotion` or `topic`. Trains on every labelled example the \
			brand has for it — from files (`rightly train`) and agents' corrections \
			(POST …/messages/{id}/labels) — and uses the model for new messages from now on. Takes seconds; \
			400 naming `examples` when there are not yet examples of two labels.""")
	BrandModels.Training train(CurrentUser user, @PathVariable String brand, @PathVariable String task) {
		return models.train(access.tenant(user, brand, Permission.MANAGE_BRAND), task);
	}

	@DeleteMapping("/models/{task}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Drop the brand's model for a task (manager and above); the shipped analysis takes over",
			description = "The labelled examples are kept for a later training.")
	void dropModel(CurrentUser user, @PathVariable String brand, @PathVariable String task) {
		if (!models.drop(access.tenant(user, brand, Permission.MANAGE_BRAND), task)) {
			throw new NotFoundException("model");
		}
	}

	// ---- trying the analysis
	// -------------------------------------------------------------

	record AnalyseRequest(String text, Long followers, Double customerValue) {
	}

	@PostMapping(path = "/analyse", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Analyse a text as this brand would, without storing it", description = """
			For trying out topics and models: the same analysis every stored message gets. `text` up to \
			20,000 characters; `followers`, the author's reach, and `customerValue`, the customer's value to \
			the brand (lifetime value or yearly spend), move the risk score.""")
	Analysis analyse(CurrentUser user, @PathVariable String brand, @RequestBody AnalyseRequest request) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		if (request.text() == null || request.text().isBlank()) {
			throw new InvalidInputException("text", "must not be empty");
		}
		if (request.text().length() > 20_000) {
			throw new InvalidInputException("text", "must be at most 20,000 characters");
		}
		if (request.followers() != null && request.followers() < 0) {
			throw new InvalidInputException("followers", "must not be negative");
		}
		if (request.customerValue() != null && !(request.customerValue() >= 0)) {
			throw new InvalidInputException("customerValue", "must be a number of 0 or more");
		}
		return analysis
			.analyse(new AnalysisRequest(tenant, request.text(), request.followers(), null, request.customerValue()));
	}

}
