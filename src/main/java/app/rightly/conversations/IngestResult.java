package app.rightly.conversations;

import java.util.List;
import java.util.UUID;

import app.rightly.shared.InvalidInputException.FieldError;

/**
 * What became of one message given to ingest: {@code created} (with the new ids),
 * {@code duplicate} (with the ids of the message already stored) or {@code rejected}
 * (with the reasons per field).
 */
public record IngestResult(Status status, UUID messageId, UUID conversationId, List<FieldError> errors) {

	public enum Status {

		CREATED, DUPLICATE, REJECTED;

		public String id() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	static IngestResult created(UUID message, UUID conversation) {
		return new IngestResult(Status.CREATED, message, conversation, List.of());
	}

	static IngestResult duplicate(UUID message, UUID conversation) {
		return new IngestResult(Status.DUPLICATE, message, conversation, List.of());
	}

	public static IngestResult rejected(List<FieldError> errors) {
		return new IngestResult(Status.REJECTED, null, null, List.copyOf(errors));
	}

}
