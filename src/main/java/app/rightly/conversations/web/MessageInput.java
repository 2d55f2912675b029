package app.rightly.conversations.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** The shape of one message of the ingest API, for the OpenAPI description only. */
@Schema(name = "MessageInput", description = "One message as a source delivers it")
record MessageInput(
		@Schema(description = "the channel; unknown ones are created for the kinds api and import",
				example = "{\"kind\": \"x\", \"name\": \"@SkywardAir\"}",
				defaultValue = "{\"kind\":\"api\",\"name\":\"api\"}") ChannelInput channel,
		@Schema(description = "the id at the source; (brand, channel, externalId) is unique",
				requiredMode = Schema.RequiredMode.REQUIRED, example = "1628312345678") String externalId,
		@Schema(allowableValues = {
				"inbound", "outbound" }, defaultValue = "inbound") String direction,
		@Schema(requiredMode = Schema.RequiredMode.REQUIRED) AuthorInput author,
		@Schema(description = "stored exactly as received; at most 20,000 characters; no control characters but newline and tab",
				requiredMode = Schema.RequiredMode.REQUIRED,
				example = "@SkywardAir my bag never arrived in Lisbon") String text,
		@Schema(description = "ISO-8601 with an offset", requiredMode = Schema.RequiredMode.REQUIRED,
				example = "2026-11-20T10:15:00+01:00") String createdAt,
		@Schema(allowableValues = { "public", "private" }, defaultValue = "public") String visibility,
		@Schema(description = "externalId of the message this answers") String inReplyTo,
		@Schema(description = "where it can be seen at the source") String url,
		@Schema(description = "anything else the source says: rating, likes, shares, language (at most 16 KB)") Map<String, Object> metadata){

	record ChannelInput(@Schema(example = "x") String kind, @Schema(example = "@SkywardAir") String name) {
	}

	record AuthorInput(@Schema(example = "@maya_oka") String handle, @Schema(example = "Maya Okafor") String name,
			String email, @Schema(minimum = "0", example = "250") Long followers) {
	}

}
