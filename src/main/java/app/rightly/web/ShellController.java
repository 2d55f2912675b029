package app.rightly.web;

import app.rightly.conversations.ConversationQueries;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The home page, the main sections and the brand switcher. */
@Controller
class ShellController {

	private final CurrentBrand currentBrand;

	private final ConversationQueries conversations;

	ShellController(CurrentBrand currentBrand, ConversationQueries conversations) {
		this.currentBrand = currentBrand;
		this.conversations = conversations;
	}

	@GetMapping("/")
	String home(CurrentUser user) {
		return user.may(Permission.WORK_CONVERSATIONS) ? "redirect:/inbox" : "redirect:/insights";
	}

	@GetMapping("/customers")
	String customers(CurrentUser user, HttpServletRequest request, Model model) {
		brandStats(user, request, model);
		return "customers";
	}

	@GetMapping("/insights")
	String insights(CurrentUser user, HttpServletRequest request, Model model) {
		brandStats(user, request, model);
		return "insights";
	}

	private void brandStats(CurrentUser user, HttpServletRequest request, Model model) {
		currentBrand.of(user, request.getSession(false))
			.ifPresent(brand -> model.addAttribute("brandStats", conversations.stats(brand.tenant())));
	}

	/**
	 * Switches the current brand and goes back to the page the switcher was on. Only a
	 * local path is followed, so the form cannot be used to redirect elsewhere.
	 */
	@PostMapping("/brands/switch")
	String switchBrand(CurrentUser user, @RequestParam String brand, @RequestParam(defaultValue = "/") String back,
			HttpServletRequest request, RedirectAttributes flash) {
		var switched = currentBrand.switchTo(user, request.getSession(true), brand);
		flash.addFlashAttribute("notice", "brand.switched");
		flash.addFlashAttribute("noticeArg", switched.name());
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
		return "redirect:" + (local ? back : "/");
	}

}
