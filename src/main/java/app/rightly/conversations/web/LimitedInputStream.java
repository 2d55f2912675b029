package app.rightly.conversations.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import app.rightly.shared.PayloadTooLargeException;

/**
 * Reads at most {@code limit} bytes, then refuses: a chunked body cannot exceed the limit
 * either.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long read;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(long n) {
		read += n;
		if (read > limit) {
			throw new PayloadTooLargeException(
					"The body is larger than " + limit / (1024 * 1024) + " MB; send smaller batches.");
		}
	}

}
