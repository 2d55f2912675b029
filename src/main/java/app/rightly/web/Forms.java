package app.rightly.web;

import java.util.LinkedHashMap;
import java.util.Map;

import app.rightly.shared.ConflictException;
import app.rightly.shared.InvalidInputException;

import org.springframework.ui.Model;

/** Shows domain validation errors next to the form fields they are about. */
final class Forms {

	private Forms() {
	}

	static void errors(Model model, InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
		model.addAttribute("errors", errors);
	}

	static void errors(Model model, ConflictException ex) {
		model.addAttribute("errors", Map.of(ex.field(), ex.getMessage()));
	}

}
