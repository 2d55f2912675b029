package app.rightly.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Work done every so often on a daemon thread of its own while the application runs (the
 * outbox's delivery, the search indexer, automatic assignment, the inbox's live updates);
 * a failure is logged and the next round runs as usual.
 */
public abstract class BackgroundTask implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final long periodMillis;

	private ScheduledExecutorService scheduler;

	protected BackgroundTask(String name, long periodMillis) {
		this.name = name;
		this.periodMillis = periodMillis;
	}

	/** One round of the work. */
	protected abstract void round();

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "rightly:" + name);
			t.setDaemon(true);
			return t;
		});
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				round();
			}
			catch (RuntimeException ex) {
				log.warn("{} failed: {}", name, ex.getMessage());
			}
		}, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
