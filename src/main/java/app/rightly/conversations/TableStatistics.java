package app.rightly.conversations;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's statistics of the tables ingest writes up to date while they grow
 * fast. Autovacuum looks at a database once a minute; until then the planner believes a
 * young table is nearly empty and plans ingest's joins as if it were, which makes the
 * first minute of a big import several times slower. So after every 20,000 new messages,
 * or 25% growth, whichever is more, the tables are analysed in the background, outside
 * any lock.
 */
@Component
class TableStatistics implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	static final long MINIMUM = 20_000;

	private final JdbcClient jdbc;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "rightly-table-statistics");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong sinceLast = new AtomicLong();

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicLong total = new AtomicLong();

	private volatile boolean enabled = true;

	TableStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Called after each stored batch with the number of messages it added. */
	void added(int messages) {
		if (!enabled || messages == 0) {
			return;
		}
		long since = sinceLast.addAndGet(messages);
		long all = total.addAndGet(messages);
		if (since >= Math.max(MINIMUM, all / 5) && running.compareAndSet(false, true)) {
			sinceLast.set(0);
			worker.execute(this::analyse);
		}
	}

	private void analyse() {
		try {
			// the tables ingest joins against; message is only probed through its unique
			// index
			jdbc.sql("ANALYZE conversation, customer, customer_identity").update();

		}
		catch (RuntimeException ex) {
			enabled = false; // e.g. not the tables' owner on an external server:
								// autovacuum does it then
			log.warn("Could not refresh table statistics ({}); leaving it to autovacuum", ex.getMessage());
		}
		finally {
			running.set(false);
		}
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}

}
