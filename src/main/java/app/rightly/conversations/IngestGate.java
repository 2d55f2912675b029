package app.rightly.conversations;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Back-pressure for ingest: at most {@code maxConcurrentBatches} batches are read and
 * stored at once. A batch that cannot get a place within {@code maxWaitMillis} is refused
 * (the API answers 429 with Retry-After), so load beyond what the machine can store is
 * never queued without bound and memory stays bounded.
 */
@Component
public class IngestGate {

	private final Semaphore places;

	private final long maxWaitMillis;

	IngestGate(Settings settings) {
		this.places = new Semaphore(settings.maxConcurrentBatches(), true);
		this.maxWaitMillis = settings.maxWaitMillis();
	}

	/**
	 * @param maxConcurrentBatches batches read and stored at the same time
	 * @param maxWaitMillis how long a batch may wait for a place before it is refused
	 * @param maxBodyBytes the largest request body the ingest API reads
	 */
	@ConfigurationProperties("rightly.ingest")
	public record Settings(@DefaultValue("4") int maxConcurrentBatches, @DefaultValue("2000") long maxWaitMillis,
			@DefaultValue("33554432") long maxBodyBytes) {
	}

	/**
	 * A place, to be closed when the batch is stored; {@code null} when the server is
	 * saturated.
	 */
	public Place enter() {
		try {
			return places.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS) ? new Place() : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** A batch's place; closing it frees it for the next. */
	public final class Place implements AutoCloseable {

		private boolean closed;

		@Override
		public void close() {
			if (!closed) {
				closed = true;
				places.release();
			}
		}

	}

}
