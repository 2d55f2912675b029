package app.rightly.conversations.web;

import java.util.List;

import app.rightly.conversations.SlaPolicies;
import app.rightly.conversations.SlaPolicy;
import app.rightly.shared.InvalidInputException;
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

/** A brand's response targets (SLA policy) by API. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/sla-policy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class SlaPolicyApiController {

	private final BrandAccess access;

	private final SlaPolicies policies;

	SlaPolicyApiController(BrandAccess access, SlaPolicies policies) {
		this.access = access;
		this.policies = policies;
	}

	/** The policy as JSON: minutes, and times as HH:MM. */
	record PolicyView(Integer firstHigh, Integer firstMedium, Integer firstLow, Integer nextHigh, Integer nextMedium,
			Integer nextLow, Boolean businessHours, String timeZone, List<Integer> workDays, String dayStart,
			String dayEnd, java.util.Map<String, SlaPolicy.ChannelTarget> channels) {

		static PolicyView of(SlaPolicy p) {
			return new PolicyView(p.firstHigh(), p.firstMedium(), p.firstLow(), p.nextHigh(), p.nextMedium(),
					p.nextLow(), p.businessHours(), p.timeZone(), p.workDays(), p.dayStart().toString(),
					p.dayEnd().toString(), new java.util.TreeMap<>(p.channels()));
		}

	}

	@GetMapping
	@Operation(summary = "The brand's response targets (the default until set: 60, 240, 1440 minutes)")
	PolicyView get(CurrentUser user, @PathVariable String brand) {
		return PolicyView.of(policies.of(access.tenant(user, brand, Permission.WORK_CONVERSATIONS)));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the brand's response targets (manager and above)", description = """
			Minutes by risk band (high: risk ≥ 60, medium: 30–59, low: < 30) for the first reply (`first…`) and each \
			next one (`next…`); `businessHours: true` counts only `workDays` (1 = Monday … 7 = Sunday) from \
			`dayStart` to `dayEnd` (HH:MM) in `timeZone`; `channels` gives a channel kind its own targets instead of \
			the bands (`{"email": {"first": 1440, "next": 1440}}`; `{}` removes them). Omitted fields keep their \
			current value.""")
	PolicyView set(CurrentUser user, @PathVariable String brand, @RequestBody PolicyView in) {
		var tenant = access.tenant(user, brand, Permission.MANAGE_BRAND);
		SlaPolicy now = policies.of(tenant);
		SlaPolicy p = new SlaPolicy(or(in.firstHigh(), now.firstHigh()), or(in.firstMedium(), now.firstMedium()),
				or(in.firstLow(), now.firstLow()), or(in.nextHigh(), now.nextHigh()),
				or(in.nextMedium(), now.nextMedium()), or(in.nextLow(), now.nextLow()),
				in.businessHours() == null ? now.businessHours() : in.businessHours(),
				in.timeZone() == null ? now.timeZone() : in.timeZone(),
				in.workDays() == null ? now.workDays() : in.workDays(),
				in.dayStart() == null ? now.dayStart() : SlaPolicies.time("dayStart", in.dayStart()),
				in.dayEnd() == null ? now.dayEnd() : SlaPolicies.time("dayEnd", in.dayEnd()),
				in.channels() == null ? now.channels() : in.channels());
		return PolicyView.of(policies.set(tenant, p));
	}

	private static int or(Integer value, int current) {
		return value == null ? current : value;
	}

}
