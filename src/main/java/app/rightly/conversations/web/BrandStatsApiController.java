package app.rightly.conversations.web;

import app.rightly.conversations.ConversationQueries;
import app.rightly.conversations.ConversationQueries.BrandStats;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Counts of what a brand has heard. */
@RestController
@Tag(name = "Messages")
@SecurityRequirement(name = "bearer")
class BrandStatsApiController {

	private final BrandAccess access;

	private final ConversationQueries queries;

	BrandStatsApiController(BrandAccess access, ConversationQueries queries) {
		this.access = access;
		this.queries = queries;
	}

	@GetMapping(path = "/api/v1/brands/{brand}/stats", produces = "application/json")
	@Operation(summary = "How many messages, conversations, customers and channels a brand has")
	BrandStats stats(CurrentUser user, @Parameter(description = "brand slug or id") @PathVariable String brand) {
		return queries.stats(access.tenant(user, brand, Permission.VIEW_REPORTS));
	}

}
