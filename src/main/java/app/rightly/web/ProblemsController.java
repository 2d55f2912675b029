package app.rightly.web;

import java.util.Arrays;

import app.rightly.shared.NotFoundException;
import app.rightly.shared.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The pages the {@code type} URIs of the API's problem documents point at. */
@Controller
class ProblemsController {

	@GetMapping("/problems")
	String all(Model model) {
		model.addAttribute("types", Problems.Type.values());
		return "problems";
	}

	@GetMapping("/problems/{type}")
	String one(@PathVariable String type, Model model) {
		Problems.Type found = Arrays.stream(Problems.Type.values())
			.filter(t -> t.slug().equals(type))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("problem type"));
		model.addAttribute("types", new Problems.Type[] { found });
		return "problems";
	}

}
