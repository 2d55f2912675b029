package app.rightly.customers.web;

import java.util.UUID;

import app.rightly.customers.AbuseFlags;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A brand's customers by API: the abusive flag. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/customers/{customer}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers")
@SecurityRequirement(name = "bearer")
class CustomersApiController {

	private final BrandAccess access;

	private final AbuseFlags flags;

	CustomersApiController(BrandAccess access, AbuseFlags flags) {
		this.access = access;
		this.flags = flags;
	}

	record FlagInput(String note) {
	}

	@PutMapping(path = "/abusive", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Flag the customer as abusive (brand managers and admins)",
			description = "`{\"note\": \"why, up to 500 characters\"}`; shown to agents wherever the customer appears.")
	AbuseFlags.Flag setFlag(CurrentUser user, @PathVariable String brand, @PathVariable UUID customer,
			@RequestBody(required = false) FlagInput input) {
		return flags.flag(access.tenant(user, brand, Permission.MANAGE_BRAND), customer,
				input == null ? null : input.note(), user.id());
	}

	@DeleteMapping("/abusive")
	@Operation(summary = "Lift the abusive flag (brand managers and admins)")
	ResponseEntity<Void> clear(CurrentUser user, @PathVariable String brand, @PathVariable UUID customer) {
		flags.clear(access.tenant(user, brand, Permission.MANAGE_BRAND), customer);
		return ResponseEntity.noContent().build();
	}

}
