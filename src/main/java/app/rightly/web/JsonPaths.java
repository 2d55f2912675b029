package app.rightly.web;

import java.util.List;

import tools.jackson.core.JacksonException;

/**
 * Field names for error messages from where Jackson stopped:
 * {@code [3].author.followers}.
 */
final class JsonPaths {

	private JsonPaths() {
	}

	static String of(List<JacksonException.Reference> path) {
		StringBuilder out = new StringBuilder();
		for (JacksonException.Reference ref : path) {
			if (ref.getPropertyName() != null) {
				if (!out.isEmpty()) {
					out.append('.');
				}
				out.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				out.append('[').append(ref.getIndex()).append(']');
			}
		}
		return out.isEmpty() ? "body" : out.toString();
	}

}
