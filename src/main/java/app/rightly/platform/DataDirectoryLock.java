package app.rightly.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * The lock one Rightly process holds on its data dir while it runs the embedded database
 * there. The operating system releases it when the process dies, even after
 * {@code kill -9}, so a stale lock never blocks a restart.
 */
final class DataDirectoryLock implements AutoCloseable {

	private final FileChannel channel;

	private final FileLock lock;

	private DataDirectoryLock(FileChannel channel, FileLock lock) {
		this.channel = channel;
		this.lock = lock;
	}

	/** The lock, or {@code null} when another process holds it. */
	static DataDirectoryLock tryAcquire(Path dataDir) {
		Path file = dataDir.resolve("rightly.lock");
		FileChannel channel = null;
		try {
			channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.READ);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null; // this very JVM holds it already
			}
			if (lock == null) {
				channel.close();
				return null;
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
			channel.force(true);
			return new DataDirectoryLock(channel, lock);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UncheckedIOException("Cannot lock the data dir " + dataDir + ": " + ex.getMessage(), ex);
		}
	}

	/** The process id written by the holder of the lock, when readable. */
	static OptionalLong holder(Path dataDir) {
		try {
			String text = Files.readString(dataDir.resolve("rightly.lock"), StandardCharsets.US_ASCII).trim();
			return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
		}
		catch (IOException | NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	@Override
	public void close() {
		try {
			lock.release();
		}
		catch (IOException ex) {
			// released anyway when the channel closes
		}
		closeQuietly(channel);
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing left to do
			}
		}
	}

}
