package app.rightly.conversations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.rightly.shared.BackgroundTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the inbox's full-text index up to date: one document of words per conversation
 * ({@code conversation_search}: its messages' texts and authors' names, without
 * positions, and the conversation's risk as of then, which only a new message changes),
 * in the background, in order of {@code message.seq}: ingest stores messages without
 * paying for the index. While messages stream in it waits, so it does not slow ingest,
 * but never more than a minute; the inbox searches the messages it has not reached yet
 * directly, so search is always complete.
 */
@Component
class SearchIndexer extends BackgroundTask {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

	static final int BATCH = 20_000;

	/** A transaction writes the number it was handed out within this. */
	static final long SETTLE_PAUSE_MILLIS = 50;

	/** How long to wait for the transactions writing numbers handed out. */
	static final long SETTLE_NANOS = 10_000_000_000L;

	/** Wait while ingest was busy this recently… */
	static final long QUIET_NANOS = 2_000_000_000L;

	/** …but never longer than this. */
	static final long MAX_WAIT_NANOS = 60_000_000_000L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private long waitingSince;

	/** Message numbers up to this were all written or abandoned when last checked. */
	private final java.util.concurrent.atomic.AtomicLong settledUpTo = new java.util.concurrent.atomic.AtomicLong();

	SearchIndexer(JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${rightly.search.period-millis:2000}") long periodMillis) {
		super("search-indexer", periodMillis);
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Indexes one batch; answers how many messages it indexed. */
	int indexBatch() {
		// ingest commits out of order: a number handed out may still be in flight while
		// a higher one is visible, and passed over it would never be indexed. So only the
		// numbers handed out so far, once every transaction that may be writing one has
		// ended (a moment to let them start writing, then until the oldest running
		// transaction is younger than they are).
		long handedOut = settledUpTo.get();
		if (jdbc.sql("SELECT last_seq FROM search_progress WHERE id = 1").query(Long.class).single() >= handedOut) {
			// all settled numbers indexed: wait for the ones handed out since, if any
			long latest = jdbc.sql("SELECT last_value FROM message_seq_seq").query(Long.class).single();
			if (latest <= handedOut || !settled()) {
				return 0;
			}
			settledUpTo.accumulateAndGet(latest, Math::max);
			handedOut = latest;
		}
		long upToSettled = handedOut;
		Integer done = transactions.execute(status -> {
			Long last = jdbc.sql("SELECT last_seq FROM search_progress WHERE id = 1 FOR UPDATE NOWAIT")
				.query(Long.class)
				.single();
			Long upTo = jdbc.sql("""
					SELECT max(seq) FROM (SELECT seq FROM message WHERE seq > :last AND seq <= :handedOut
					                      ORDER BY seq LIMIT :n) s""")
				.param("last", last)
				.param("handedOut", upToSettled)
				.param("n", BATCH)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (upTo == null) {
				// the rest of the settled numbers were abandoned (rolled back): past them
				jdbc.sql("UPDATE search_progress SET last_seq = :upTo WHERE id = 1 AND last_seq < :upTo")
					.param("upTo", upToSettled)
					.update();
				return 0;
			}
			int n = jdbc
				.sql("""
						INSERT INTO conversation_search (conversation_id, brand_id, risk, words)
						SELECT m.conversation_id, m.brand_id, c.risk,
						       strip(to_tsvector('simple', string_agg(coalesce(m.author_name, '') || ' ' || m.text, ' ' ORDER BY m.seq)))
						FROM message m JOIN conversation c ON c.id = m.conversation_id
						WHERE m.seq > :last AND m.seq <= :upTo
						GROUP BY m.conversation_id, m.brand_id, c.risk
						ON CONFLICT (conversation_id) DO UPDATE SET words = strip(conversation_search.words || excluded.words),
						                                            risk = excluded.risk""")
				.param("last", last)
				.param("upTo", upTo)
				.update();
			jdbc.sql("UPDATE search_progress SET last_seq = :upTo WHERE id = 1").param("upTo", upTo).update();
			return n;
		});
		return done == null ? 0 : done;
	}

	/**
	 * Waits until every transaction of this database that was running a moment ago has
	 * ended; false after {@link #SETTLE_NANOS} (a long transaction: the next round tries
	 * again).
	 */
	private boolean settled() {
		try {
			Thread.sleep(SETTLE_PAUSE_MILLIS);
			String running = jdbc.sql("SELECT CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text)")
				.query(String.class)
				.single();
			long deadline = System.nanoTime() + SETTLE_NANOS;
			// the transactions of this database only: a long one in another database of
			// the same server does not write messages
			while (!jdbc.sql("""
					SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity
					                   WHERE datname = current_database() AND pid <> pg_backend_pid()
					                     AND backend_xid IS NOT NULL
					                     AND age(backend_xid) > age(xid(CAST(:running AS xid8))))""")
				.param("running", running)
				.query(Boolean.class)
				.single()) {
				if (System.nanoTime() > deadline) {
					log.debug("search indexing waits for a long transaction");
					return false;
				}
				Thread.sleep(10);
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Indexes until caught up, waiting (up to 10 s) for a batch the background round or
	 * another server is writing.
	 */
	int catchUp() {
		int total = 0;
		long deadline = System.nanoTime() + CATCH_UP_WAIT_NANOS;
		while (true) {
			int n;
			try {
				n = indexBatch();
			}
			catch (org.springframework.dao.DataAccessException ex) {
				// another indexer (the background round, another server) writes a batch
				if (!lockNotAvailable(ex) || System.nanoTime() > deadline) {
					throw ex;
				}
				pause();
				continue;
			}
			if (n <= 0) {
				return total;
			}
			total += n;
		}
	}

	/** How long {@link #catchUp()} waits for a batch another indexer is writing. */
	private static final long CATCH_UP_WAIT_NANOS = 10_000_000_000L;

	/** PostgreSQL's "could not obtain lock" (SQLSTATE 55P03), which NOWAIT raises. */
	private static boolean lockNotAvailable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && "55P03".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the search index", ex);
		}
	}

	void tick() {
		long now = System.nanoTime();
		boolean busy = now - MessageIngestion.lastIngestNanos() < QUIET_NANOS;
		if (busy) {
			if (waitingSince == 0) {
				waitingSince = now;
			}
			if (now - waitingSince < MAX_WAIT_NANOS) {
				return;
			}
		}
		waitingSince = 0;
		try {
			// batch after batch until caught up, unless messages start streaming again
			while (indexBatch() > 0 && System.nanoTime() - MessageIngestion.lastIngestNanos() >= QUIET_NANOS) {
				Thread.onSpinWait();
			}
		}
		catch (org.springframework.dao.DataAccessException ex) {
			log.debug("search indexing skipped: {}", ex.getMessage()); // another server
																		// holds it
		}
	}

	@Override
	protected void round() {
		tick();
	}

}
