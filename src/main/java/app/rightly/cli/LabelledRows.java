package app.rightly.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import app.rightly.analysis.training.LabelledFile;

/** The labelled rows of a file for {@code train} and {@code eval}. */
final class LabelledRows {

	private LabelledRows() {
	}

	/**
	 * The rows, with the records left out and why said on standard error; a file with
	 * nothing labelled is an error (training on nothing would drop the brand's examples
	 * from files, scoring nothing says nothing).
	 */
	static List<LabelledFile.Row> read(Path labels, String textColumn, String labelColumn, String labelMap,
			String where) throws IOException {
		LabelledFile.Read read = LabelledFile.readCounted(labels, textColumn, labelColumn, labelMap, where);
		if (read.summary() != null) {
			System.err.println(read.summary());
		}
		if (read.rows().isEmpty()) {
			throw new IllegalArgumentException("no labelled rows in " + labels);
		}
		return read.rows();
	}

}
