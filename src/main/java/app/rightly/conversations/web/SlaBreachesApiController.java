package app.rightly.conversations.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import app.rightly.conversations.SlaBreaches;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The brand's missed response targets, as recorded (for reports and the insights). */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/sla-breaches", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class SlaBreachesApiController {

	private final BrandAccess access;

	private final SlaBreaches breaches;

	SlaBreachesApiController(BrandAccess access, SlaBreaches breaches) {
		this.access = access;
		this.breaches = breaches;
	}

	record BreachPage(int count, Instant since, Instant until, List<SlaBreaches.Breach> items) {
	}

	@GetMapping
	@Operation(summary = "Missed response targets that fell due in a period, the latest first",
			description = "`since` and `until` are ISO-8601 instants (default: the last 7 days); `limit` 1–1,000 "
					+ "(200); `count` is the number in the period.")
	BreachPage list(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) String since,
			@RequestParam(required = false) String until, @RequestParam(defaultValue = "200") int limit) {
		Tenant tenant = access.tenant(user, brand, Permission.VIEW_REPORTS);
		Instant to = java.util.Objects.requireNonNullElse(DateTimes.instant("until", until), Instant.now());
		Instant from = java.util.Objects.requireNonNullElse(DateTimes.instant("since", since),
				to.minus(Duration.ofDays(7)));
		if (!from.isBefore(to)) {
			throw new InvalidInputException("since", "must be before until");
		}
		return new BreachPage(breaches.count(tenant, from, to), from, to, breaches.list(tenant, from, to, limit));
	}

}
