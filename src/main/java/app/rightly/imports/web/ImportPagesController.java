package app.rightly.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import app.rightly.channels.ChannelKinds;
import app.rightly.imports.ImportJobs;
import app.rightly.imports.ImportRows;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.NotFoundException;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Import: upload a file, map its columns with a preview of the first rows,
 * watch the import, download the rejected rows. For managers and above.
 */
@Controller
@RequestMapping("/brands/{brand}/imports")
class ImportPagesController {

	private final BrandAccess access;

	private final ImportJobs jobs;

	ImportPagesController(BrandAccess access, ImportJobs jobs) {
		this.access = access;
		this.jobs = jobs;
	}

	@GetMapping
	String list(CurrentUser user, @PathVariable String brand, Model model) {
		Brand b = brandFor(user, brand);
		model.addAttribute("importBrand", b);
		model.addAttribute("jobs", jobs.recent(b.tenant()));
		return "settings/imports";
	}

	@PostMapping
	String upload(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) MultipartFile file,
			Model model, RedirectAttributes flash) throws IOException {
		Brand b = brandFor(user, brand);
		if (file == null || file.isEmpty()) {
			model.addAttribute("errors", Map.of("file", "choose a CSV or JSON Lines file"));
			return list(user, brand, model);
		}
		ImportJobs.Job job;
		try (InputStream in = file.getInputStream()) {
			job = jobs.upload(b.tenant(), user.id(), file.getOriginalFilename(), in);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", Map.of("file", ex.errors().get(0).message()));
			return list(user, brand, model);
		}
		return "redirect:/brands/" + b.slug() + "/imports/" + job.id();
	}

	@GetMapping("/{import}")
	String show(CurrentUser user, @PathVariable String brand, @PathVariable("import") UUID id, Model model) {
		Brand b = brandFor(user, brand);
		ImportJobs.Job job = jobs.job(b.tenant(), id);
		model.addAttribute("importBrand", b);
		model.addAttribute("job", job);
		if (job.startable()) {
			try {
				var preview = jobs.preview(b.tenant(), id, 5);
				model.addAttribute("preview", preview);
				Map<String, String> chosen = new LinkedHashMap<>(preview.mapping());
				chosen.putAll(job.mapping());
				model.addAttribute("chosen", chosen);
			}
			catch (InvalidInputException | java.io.UncheckedIOException ex) {
				model.addAttribute("previewError", ex.getMessage());
			}
			model.addAttribute("fields", ImportRows.FIELDS.stream().filter(f -> !f.startsWith("channel.")).toList());
			model.addAttribute("kinds", new TreeSet<>(List.of(ChannelKinds.describe().split(", "))));
		}
		return "settings/import";
	}

	@PostMapping("/{import}/start")
	String start(CurrentUser user, @PathVariable String brand, @PathVariable("import") UUID id,
			HttpServletRequest request, Model model, RedirectAttributes flash) {
		Brand b = brandFor(user, brand);
		Map<String, String> mapping = new LinkedHashMap<>();
		for (String field : ImportRows.FIELDS) {
			String column = request.getParameter("map." + field);
			if (column != null) {
				mapping.put(field, column);
			}
		}
		try {
			jobs.start(b.tenant(), id, mapping, request.getParameter("channelKind"),
					request.getParameter("channelName"));
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			model.addAttribute("errors", errors);
			return show(user, brand, id, model);
		}
		return "redirect:/brands/" + b.slug() + "/imports/" + id;
	}

	/** The progress panel alone, polled by the page while the import runs. */
	@GetMapping("/{import}/progress")
	String progress(CurrentUser user, @PathVariable String brand, @PathVariable("import") UUID id, Model model) {
		Brand b = brandFor(user, brand);
		model.addAttribute("importBrand", b);
		model.addAttribute("job", jobs.job(b.tenant(), id));
		return "settings/import :: progress";
	}

	@GetMapping("/{import}/rejects.csv")
	ResponseEntity<Resource> rejects(CurrentUser user, @PathVariable String brand, @PathVariable("import") UUID id) {
		Tenant tenant = brandFor(user, brand).tenant();
		ImportJobs.Job job = jobs.job(tenant, id);
		Path file = jobs.rejects(tenant, id).orElseThrow(() -> new NotFoundException("rejects"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(job.fileName() + ".rejects.csv").build().toString())
			.body(new FileSystemResource(file));
	}

	private Brand brandFor(CurrentUser user, String brand) {
		Brand b = access.brand(user, brand);
		BrandAccess.require(user, Permission.MANAGE_BRAND);
		return b;
	}

}
