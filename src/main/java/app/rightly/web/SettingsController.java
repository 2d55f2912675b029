package app.rightly.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.rightly.shared.ConflictException;
import app.rightly.shared.InvalidInputException;
import app.rightly.tenancy.ApiTokens;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import app.rightly.tenancy.Role;
import app.rightly.tenancy.TenancyManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Settings: everyone's own profile, password and API tokens; the organisation's brands
 * and users for owners and admins.
 */
@Controller
@RequestMapping("/settings")
class SettingsController {

	/** Expiry choices offered for a new token, in days; 0 is "never". */
	static final List<Integer> TOKEN_EXPIRY_DAYS = List.of(30, 90, 365, 0);

	private final TenancyManagement tenancy;

	private final ApiTokens tokens;

	SettingsController(TenancyManagement tenancy, ApiTokens tokens) {
		this.tenancy = tenancy;
		this.tokens = tokens;
	}

	record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {
	}

	record TokenForm(String name, Integer expiresInDays) {
	}

	record BrandForm(String name, String slug, String description) {
	}

	record InviteForm(String email, String role, Boolean allBrands, List<String> brands) {
	}

	// ---- profile
	// -------------------------------------------------------------------------

	@GetMapping
	String profile(CurrentUser user) {
		return "settings/profile";
	}

	@PostMapping("/password")
	String changePassword(CurrentUser user, @ModelAttribute PasswordForm form, Model model, RedirectAttributes flash) {
		try {
			if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
				throw new InvalidInputException("confirmPassword", "does not match the new password");
			}
			tenancy.changePassword(user, form.currentPassword(), form.newPassword());
		}
		catch (InvalidInputException ex) {
			Forms.errors(model, ex);
			return "settings/profile";
		}
		flash.addFlashAttribute("notice", "settings.password.changed");
		return "redirect:/settings";
	}

	// ---- API tokens
	// ----------------------------------------------------------------------

	@GetMapping("/tokens")
	String tokens(CurrentUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user));
		model.addAttribute("now", Instant.now());
		model.addAttribute("expiryChoices", TOKEN_EXPIRY_DAYS);
		return "settings/tokens";
	}

	@PostMapping("/tokens")
	String createToken(CurrentUser user, @ModelAttribute TokenForm form, Model model, RedirectAttributes flash) {
		int days = form.expiresInDays() == null ? 0 : form.expiresInDays();
		Instant expires = days > 0 ? Instant.now().plus(Duration.ofDays(days)) : null;
		try {
			var issued = tokens.create(user, form.name(), expires);
			flash.addFlashAttribute("newToken", issued.secret());
			flash.addFlashAttribute("newTokenName", issued.name());
			return "redirect:/settings/tokens";
		}
		catch (InvalidInputException ex) {
			Forms.errors(model, ex);
			model.addAttribute("form", form);
			return tokens(user, model);
		}
	}

	@PostMapping("/tokens/{token}/revoke")
	String revokeToken(CurrentUser user, @PathVariable UUID token, RedirectAttributes flash) {
		tokens.revoke(user, token);
		flash.addFlashAttribute("notice", "settings.tokens.revoked");
		return "redirect:/settings/tokens";
	}

	// ---- brands
	// --------------------------------------------------------------------------

	@GetMapping("/brands")
	String brands(CurrentUser user) {
		BrandAccess.require(user, Permission.MANAGE_ORGANISATION);
		return "settings/brands";
	}

	@PostMapping("/brands")
	String createBrand(CurrentUser user, @ModelAttribute BrandForm form, Model model, RedirectAttributes flash) {
		try {
			var brand = tenancy.createBrand(user,
					new TenancyManagement.NewBrand(form.name(), form.slug(), form.description()));
			flash.addFlashAttribute("notice", "settings.brands.created");
			flash.addFlashAttribute("noticeArg", brand.name());
			return "redirect:/settings/brands";
		}
		catch (InvalidInputException ex) {
			Forms.errors(model, ex);
		}
		catch (ConflictException ex) {
			Forms.errors(model, ex);
		}
		model.addAttribute("form", form);
		return "settings/brands";
	}

	// ---- users and invitations
	// -----------------------------------------------------------

	@GetMapping("/users")
	String users(CurrentUser user, Model model) {
		model.addAttribute("members", tenancy.members(user));
		model.addAttribute("invitations", tenancy.pendingInvitations(user));
		model.addAttribute("roles", user.role() == Role.OWNER ? List.of(Role.values())
				: List.of(Role.ADMIN, Role.MANAGER, Role.AGENT, Role.VIEWER));
		return "settings/users";
	}

	@PostMapping("/invitations")
	String invite(CurrentUser user, @ModelAttribute InviteForm form, Model model, RedirectAttributes flash) {
		BrandAccess.require(user, Permission.MANAGE_ORGANISATION);
		try {
			Role role = Role.parse(form.role()).orElseThrow(() -> new InvalidInputException("role", "choose a role"));
			var issued = tenancy.invite(user, new TenancyManagement.NewInvitation(form.email(), role,
					Boolean.TRUE.equals(form.allBrands()), form.brands()));
			flash.addFlashAttribute("inviteLink",
					ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/invite/" + issued.token())
						.toUriString());
			flash.addFlashAttribute("inviteEmail", issued.email());
			return "redirect:/settings/users";
		}
		catch (InvalidInputException ex) {
			Forms.errors(model, ex);
		}
		catch (ConflictException ex) {
			Forms.errors(model, ex);
		}
		model.addAttribute("form", form);
		return users(user, model);
	}

	@PostMapping("/invitations/{invitation}/revoke")
	String revokeInvitation(CurrentUser user, @PathVariable UUID invitation, RedirectAttributes flash) {
		tenancy.revokeInvitation(user, invitation);
		flash.addFlashAttribute("notice", "settings.users.invitationRevoked");
		return "redirect:/settings/users";
	}

}
