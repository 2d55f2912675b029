package app.rightly.tenancy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.rightly.shared.InvalidInputException;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Organisation;
import app.rightly.tenancy.Permission;
import app.rightly.tenancy.Role;
import app.rightly.tenancy.TenancyManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The caller, their organisation's brands, users and invitations, and their API tokens.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Tenancy", description = "The caller, brands, users, invitations and API tokens")
@SecurityRequirement(name = "bearer")
class TenancyApiController {

	private final BrandAccess access;

	private final TenancyManagement tenancy;

	private final ApiTokens tokens;

	TenancyApiController(BrandAccess access, TenancyManagement tenancy, ApiTokens tokens) {
		this.access = access;
		this.tenancy = tenancy;
		this.tokens = tokens;
	}

	record UserView(UUID id, String email, String name, String role) {
	}

	record OrganisationView(UUID id, String name, String slug, String kind) {
	}

	record BrandView(UUID id, String slug, String name, String description) {

		static BrandView of(Brand b) {
			return new BrandView(b.id().value(), b.slug(), b.name(), b.description());
		}

	}

	record Me(UserView user, OrganisationView organisation, List<BrandView> brands) {
	}

	@GetMapping("/me")
	@Operation(summary = "The caller, their organisation and the brands they can see")
	Me me(CurrentUser user) {
		Organisation org = tenancy.organisation(user.organisation());
		return new Me(new UserView(user.id().value(), user.email(), user.name(), user.role().id()),
				new OrganisationView(org.id().value(), org.name(), org.slug(), org.kind()),
				access.visibleBrands(user).stream().map(BrandView::of).toList());
	}

	@GetMapping("/brands")
	@Operation(summary = "The brands the caller can see")
	List<BrandView> brands(CurrentUser user) {
		return access.visibleBrands(user).stream().map(BrandView::of).toList();
	}

	@GetMapping("/brands/{brand}")
	@Operation(summary = "One brand, by slug or id")
	BrandView brand(CurrentUser user, @Parameter(description = "brand slug or id") @PathVariable String brand) {
		return BrandView.of(access.brand(user, brand));
	}

	record NewBrandRequest(String name, String slug, String description) {
	}

	@PostMapping("/brands")
	@Operation(summary = "Create a brand (owner or admin)")
	ResponseEntity<BrandView> createBrand(CurrentUser user, @RequestBody NewBrandRequest request) {
		Brand created = tenancy.createBrand(user,
				new TenancyManagement.NewBrand(request.name(), request.slug(), request.description()));
		return ResponseEntity.created(URI.create("/api/v1/brands/" + created.slug())).body(BrandView.of(created));
	}

	record MemberView(UUID id, String email, String name, String role, boolean allBrands, List<String> brands) {
	}

	@GetMapping("/users")
	@Operation(summary = "The organisation's users (owner or admin)")
	List<MemberView> users(CurrentUser user) {
		return tenancy.members(user)
			.stream()
			.map(m -> new MemberView(m.id().value(), m.email(), m.name(), m.role().id(), m.allBrands(), m.brandNames()))
			.toList();
	}

	record InvitationRequest(String email, String role, Boolean allBrands, List<String> brands) {
	}

	record InvitationView(UUID id, String email, String role, String link, Instant expiresAt) {
	}

	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite someone (owner or admin); the one-time link is shown only in this answer")
	InvitationView invite(CurrentUser user, @RequestBody InvitationRequest request) {
		BrandAccess.require(user, Permission.MANAGE_ORGANISATION);
		Role role = Role.parse(request.role())
			.orElseThrow(
					() -> new InvalidInputException("role", "must be one of owner, admin, manager, agent, viewer"));
		var issued = tenancy.invite(user, new TenancyManagement.NewInvitation(request.email(), role,
				Boolean.TRUE.equals(request.allBrands()), request.brands()));
		String link = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/invite/" + issued.token())
			.toUriString();
		return new InvitationView(issued.id(), issued.email(), issued.role().id(), link, issued.expiresAt());
	}

	@DeleteMapping("/invitations/{invitation}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an invitation that was not used yet (owner or admin)")
	void revokeInvitation(CurrentUser user, @PathVariable UUID invitation) {
		tenancy.revokeInvitation(user, invitation);
	}

	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			String state) {
	}

	record TokenRequest(String name, Instant expiresAt) {
	}

	record IssuedTokenView(UUID id, String name, String token, Instant expiresAt) {
	}

	@GetMapping("/tokens")
	@Operation(summary = "The caller's API tokens (never the tokens themselves)")
	List<TokenView> tokens(CurrentUser user) {
		Instant now = Instant.now();
		return tokens.list(user)
			.stream()
			.map(t -> new TokenView(t.id(), t.name(), t.displayPrefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
					t.state(now)))
			.toList();
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token for the caller; the token is shown only in this answer")
	IssuedTokenView createToken(CurrentUser user, @RequestBody TokenRequest request) {
		var issued = tokens.create(user, request.name(), request.expiresAt());
		return new IssuedTokenView(issued.id(), issued.name(), issued.secret(), issued.expiresAt());
	}

	@DeleteMapping("/tokens/{token}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of the caller's API tokens")
	void revokeToken(CurrentUser user, @PathVariable UUID token) {
		tokens.revoke(user, token);
	}

}
