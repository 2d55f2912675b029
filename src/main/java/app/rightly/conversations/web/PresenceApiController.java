package app.rightly.conversations.web;

import app.rightly.conversations.Presence;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's availability for new conversations. */
@RestController
@RequestMapping(path = "/api/v1/me/availability", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class PresenceApiController {

	private final Presence presence;

	PresenceApiController(Presence presence) {
		this.presence = presence;
	}

	record Availability(Boolean available) {
	}

	@GetMapping
	@Operation(summary = "Whether you take new conversations from automatic assignment")
	Availability get(CurrentUser user) {
		BrandAccess.require(user, Permission.WORK_CONVERSATIONS);
		return new Availability(presence.available(user.id()));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Say whether you take new conversations (`{\"available\": false}` when away)")
	Availability set(CurrentUser user, @RequestBody Availability input) {
		BrandAccess.require(user, Permission.WORK_CONVERSATIONS);
		if (input == null || input.available() == null) {
			throw new app.rightly.shared.InvalidInputException("available", "must be true or false");
		}
		presence.set(user.id(), input.available());
		return new Availability(presence.available(user.id()));
	}

}
