package app.rightly.channels.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import app.rightly.channels.ChannelKey;
import app.rightly.channels.ChannelKinds;
import app.rightly.channels.Channels;
import app.rightly.shared.InvalidInputException;
import app.rightly.shared.Tenant;
import app.rightly.tenancy.BrandAccess;
import app.rightly.tenancy.CurrentUser;
import app.rightly.tenancy.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A brand's channels. */
@RestController
@RequestMapping(path = "/api/v1/brands/{brand}/channels", produces = "application/json")
@Tag(name = "Channels", description = "Where a brand's messages come from")
@SecurityRequirement(name = "bearer")
class ChannelsApiController {

	private final BrandAccess access;

	private final Channels channels;

	ChannelsApiController(BrandAccess access, Channels channels) {
		this.access = access;
		this.channels = channels;
	}

	record ChannelView(UUID id, String kind, String name) {

		static ChannelView of(Channels.Channel c) {
			return new ChannelView(c.id(), c.kind(), c.name());
		}

	}

	record NewChannel(String kind, String name) {
	}

	record ReplyWebhook(String url, String secret) {
	}

	record ReplyEmail(String host, Integer port, Boolean starttls, String username, String password, String from) {
	}

	@org.springframework.web.bind.annotation.PutMapping(path = "/{channel}/reply-email", consumes = "application/json")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@Operation(summary = "Send the channel's replies by e-mail (manager or higher)", description = """
			`host`, `port`, `starttls` (default true), `username`/`password` if the server needs them, `from` the \
			sender address; `host: null` turns it off. Replies go to the customer's e-mail address, threaded \
			(In-Reply-To and References name the customer's message).""")
	void replyEmail(CurrentUser user, @PathVariable String brand, @PathVariable UUID channel,
			@RequestBody ReplyEmail email) {
		channels.setReplyEmail(access.tenant(user, brand, Permission.MANAGE_BRAND), channel, email.host(), email.port(),
				email.starttls() == null || email.starttls(), email.username(), email.password(), email.from());
	}

	@org.springframework.web.bind.annotation.PutMapping(path = "/{channel}/reply-webhook",
			consumes = "application/json")
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
	@Operation(summary = "Send the channel's replies to a signed webhook (manager or higher)", description = """
			`url` http(s), `secret` 16–200 characters; `url: null` turns it off (replies are then posted by hand). \
			Each reply is POSTed as JSON with `X-Rightly-Delivery`, `X-Rightly-Timestamp` and \
			`X-Rightly-Signature: sha256=HMAC-SHA256(secret, timestamp + "." + body)`; see docs/respond.md.""")
	void replyWebhook(CurrentUser user, @PathVariable String brand, @PathVariable UUID channel,
			@RequestBody ReplyWebhook webhook) {
		channels.setReplyWebhook(access.tenant(user, brand, Permission.MANAGE_BRAND), channel, webhook.url(),
				webhook.secret());
	}

	@GetMapping
	@Operation(summary = "The brand's channels")
	List<ChannelView> list(CurrentUser user, @PathVariable String brand) {
		Tenant tenant = access.tenant(user, brand, Permission.VIEW_REPORTS);
		return channels.list(tenant).stream().map(ChannelView::of).toList();
	}

	@PostMapping(consumes = "application/json")
	@Operation(summary = "Add a channel (manager or higher); answers the existing one if it is there already")
	ResponseEntity<ChannelView> create(CurrentUser user, @PathVariable String brand, @RequestBody NewChannel channel) {
		Tenant tenant = access.tenant(user, brand, Permission.MANAGE_BRAND);
		if (channel.kind() == null || !ChannelKinds.known(channel.kind().strip().toLowerCase(java.util.Locale.ROOT))) {
			throw new InvalidInputException("kind", "must be one of " + ChannelKinds.describe());
		}
		if (channel.name() == null || channel.name().isBlank()) {
			throw new InvalidInputException("name", "must not be blank");
		}
		Channels.Channel created = channels.ensure(tenant, new ChannelKey(channel.kind(), channel.name()));
		return ResponseEntity.created(URI.create("/api/v1/brands/" + brand + "/channels/" + created.id()))
			.body(ChannelView.of(created));
	}

}
