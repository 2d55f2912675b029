package app.rightly.conversations.web;

import java.util.List;
import java.util.UUID;

import app.rightly.conversations.SavedViews;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Saved filters of the inbox by API. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/saved-views", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class SavedViewsApiController {

	private final BrandAccess access;

	private final SavedViews views;

	SavedViewsApiController(BrandAccess access, SavedViews views) {
		this.access = access;
		this.views = views;
	}

	@GetMapping
	@Operation(summary = "The caller's saved views and those shared with the team, each with its count now")
	List<SavedViews.Counted> list(CurrentUser user, @PathVariable String brand) {
		return views.counted(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), user.id());
	}

	record ViewInput(String name, String query, Boolean shared) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save filters as a view",
			description = "`name` (1–60), `query`: the conversations list's query string without paging "
					+ "(e.g. `status=open&intent=complaint&label=vip`), `shared` with the team (default false).")
	ResponseEntity<SavedViews.SavedView> create(CurrentUser user, @PathVariable String brand,
			@RequestBody ViewInput input) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(views.create(tenant, user.id(), input.name(), input.query(), Boolean.TRUE.equals(input.shared())));
	}

	@DeleteMapping("/{view}")
	@Operation(summary = "Delete a view: its owner, or a brand manager for a shared one")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable String brand, @PathVariable UUID view) {
		Tenant tenant = access.tenant(user, brand, Permission.WORK_CONVERSATIONS);
		views.delete(tenant, user.id(), user.may(Permission.MANAGE_BRAND), view);
		return ResponseEntity.noContent().build();
	}

}
