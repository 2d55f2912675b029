package app.rightly.imports;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A file read one record at a time, without holding it in memory. */
interface RecordSource extends Closeable {

	/**
	 * The columns, in file order (for JSON Lines: the paths seen in the first records).
	 */
	List<String> columns();

	/** The next record, or {@code null} at the end. */
	SourceRecord next() throws IOException;

	/** Bytes of the file read so far, for progress. */
	long bytesRead();

	/**
	 * What a rejects file repeats of a rejected record: these column names, then its raw
	 * values.
	 */
	List<String> rejectColumns();

}
