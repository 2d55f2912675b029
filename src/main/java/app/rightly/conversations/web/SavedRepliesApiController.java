package app.rightly.conversations.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import app.rightly.conversations.SavedReplies;
import app.rightly.conversations.SavedReplies.SavedReply;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A brand's saved replies by API. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/saved-replies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Conversations")
@SecurityRequirement(name = "bearer")
class SavedRepliesApiController {

	private final BrandAccess access;

	private final SavedReplies replies;

	SavedRepliesApiController(BrandAccess access, SavedReplies replies) {
		this.access = access;
		this.replies = replies;
	}

	record SavedReplyInput(String name, String text) {
	}

	@GetMapping
	@Operation(summary = "The brand's saved replies; `q` searches names and texts")
	List<SavedReply> list(CurrentUser user, @PathVariable String brand, @RequestParam(required = false) String q) {
		return replies.list(access.tenant(user, brand, Permission.WORK_CONVERSATIONS), q);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a reply (manager and above)", description = """
			`name` 1–100 characters, unique per brand; `text` up to 10,000, with the variables {{customer.name}}, \
			{{agent.name}} and {{brand.name}} filled in when the reply is used.""")
	ResponseEntity<SavedReply> create(CurrentUser user, @PathVariable String brand, @RequestBody SavedReplyInput in) {
		SavedReply saved = replies.save(access.tenant(user, brand, Permission.MANAGE_BRAND), null, in.name(),
				in.text());
		return ResponseEntity.created(URI.create("/api/v1/brands/" + brand + "/saved-replies/" + saved.id()))
			.body(saved);
	}

	@PutMapping(path = "/{savedReply}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change a saved reply (manager and above)")
	SavedReply update(CurrentUser user, @PathVariable String brand, @PathVariable UUID savedReply,
			@RequestBody SavedReplyInput in) {
		return replies.save(access.tenant(user, brand, Permission.MANAGE_BRAND), savedReply, in.name(), in.text());
	}

	@DeleteMapping("/{savedReply}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a saved reply (manager and above)")
	void delete(CurrentUser user, @PathVariable String brand, @PathVariable UUID savedReply) {
		replies.delete(access.tenant(user, brand, Permission.MANAGE_BRAND), savedReply);
	}

}
