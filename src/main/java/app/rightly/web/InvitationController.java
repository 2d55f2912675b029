package app.rightly.web;

import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.tenancy.TenancyManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-time invitation link: the person invited chooses a name and password, then
 * signs in.
 */
@Controller
class InvitationController {

	private final TenancyManagement tenancy;

	InvitationController(TenancyManagement tenancy) {
		this.tenancy = tenancy;
	}

	record AcceptForm(String name, String password, String confirmPassword) {
	}

	@GetMapping("/invite/{token}")
	String show(@PathVariable String token, Model model) {
		model.addAttribute("invitation",
				tenancy.previewInvitation(token).orElseThrow(() -> new NotFoundException("invitation")));
		model.addAttribute("token", token);
		return "invite";
	}

	@PostMapping("/invite/{token}")
	String accept(@PathVariable String token, @ModelAttribute AcceptForm form, Model model, RedirectAttributes flash) {
		var invitation = tenancy.previewInvitation(token).orElseThrow(() -> new NotFoundException("invitation"));
		try {
			if (form.password() == null || !form.password().equals(form.confirmPassword())) {
				throw new InvalidInputException("confirmPassword", "does not match the password");
			}
			tenancy.acceptInvitation(token, form.name(), form.password());
		}
		catch (InvalidInputException ex) {
			Forms.errors(model, ex);
			model.addAttribute("invitation", invitation);
			model.addAttribute("token", token);
			model.addAttribute("form", form);
			return "invite";
		}
		flash.addFlashAttribute("notice", "invite.accepted");
		return "redirect:/login";
	}

}
