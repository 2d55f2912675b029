package app.rightly.conversations.web;

import java.util.List;
import java.util.UUID;

import app.rightly.conversations.AutoAssignment;
import app.rightly.conversations.AutoAssignment.Rule;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** How a brand's new conversations are assigned, by API. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/assignment-rule", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class AssignmentRuleApiController {

	private final BrandAccess access;

	private final AutoAssignment assignment;

	AssignmentRuleApiController(BrandAccess access, AutoAssignment assignment) {
		this.access = access;
		this.assignment = assignment;
	}

	record RuleInput(String mode, Integer cap, List<UUID> agents) {
	}

	@GetMapping
	@Operation(summary = "The brand's assignment rule (off until set)")
	Rule get(CurrentUser user, @PathVariable String brand) {
		return assignment.rule(access.tenant(user, brand, Permission.WORK_CONVERSATIONS));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the brand's assignment rule (manager and above)", description = """
			`mode` off, round_robin or least_loaded; `cap` open conversations per agent (1–10,000, default 20); \
			`agents` the pool, teammates who work the brand. New open unassigned conversations are assigned within \
			seconds, riskiest first; beyond every agent's cap they wait, unassigned.""")
	Rule set(CurrentUser user, @PathVariable String brand, @RequestBody RuleInput in) {
		return assignment.setRule(access.tenant(user, brand, Permission.MANAGE_BRAND),
				new Rule(in.mode(), in.cap() == null ? 20 : in.cap(), in.agents()));
	}

}
