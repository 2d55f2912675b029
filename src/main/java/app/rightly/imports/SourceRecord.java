package app.rightly.imports;

import java.util.List;
import java.util.Map;

/**
 * One record of a file: where it starts, its values by column (JSON objects flattened to
 * dotted paths), and its raw values for the rejects file.
 */
record SourceRecord(long line, Map<String, String> values, List<String> raw) {
}
