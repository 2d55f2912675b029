package app.rightly.web;

import app.rightly.tenancy.Callers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST. */
@Controller
class SignInController {

	private final Callers callers;

	SignInController(Callers callers) {
		this.callers = callers;
	}

	@GetMapping("/login")
	String signIn() {
		return callers.current().isPresent() ? "redirect:/" : "login";
	}

}
