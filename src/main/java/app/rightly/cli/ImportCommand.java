package app.rightly.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import app.rightly.channels.ChannelKey;
import app.rightly.imports.ImportRows;
import app.rightly.imports.Importer;
import app.rightly.platform.DatabaseServer;
import app.rightly.platform.EmbeddedDatabaseServer;
import app.rightly.tenancy.Brand;
import app.rightly.tenancy.BrandAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import org.springframework.context.ConfigurableApplicationContext;

/** {@code rightly import}: a CSV or JSON Lines file into a brand's messages. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
		"Imports customer messages from a CSV (RFC 4180) or JSON Lines file into a brand.",
		"Idempotent: running it again creates nothing new, so an interrupted import is resumed by running it again.",
		"Rejected rows go to FILE.rejects.csv with their line and reason; the import goes on.",
		"Fields: " + "text, externalId, createdAt, author.handle, author.name, author.email, author.followers, "
				+ "direction, visibility, inReplyTo, url, channel.kind, channel.name, metadata.KEY" })
class ImportCommand implements Callable<Integer> {

	@Option(names = "--brand", required = true, paramLabel = "SLUG", description = "the brand (slug or id)")
	String brand;

	@Option(names = "--channel", paramLabel = "KIND:NAME",
			description = "channel of rows that name none (default import:FILE-NAME), e.g. x:@SkywardAir")
	String channel;

	@Option(names = "--format", paramLabel = "csv|jsonl",
			description = "the file's format (default: from its name or content)")
	String format;

	@Option(names = "--map", paramLabel = "FIELD=COLUMN,…",
			description = "which column holds which field, for columns not named after it, "
					+ "e.g. text=text,externalId=tweet_id,author.handle=name,createdAt=tweet_created")
	String map;

	@Option(names = "--timezone", paramLabel = "ZONE", defaultValue = "UTC",
			description = "zone of dates written without an offset (default: ${DEFAULT-VALUE})")
	String timezone;

	@Option(names = "--data-dir", paramLabel = "DIR",
			description = "data dir of the embedded database (env RIGHTLY_DATA_DIR; default ./data)")
	String dataDir;

	@Parameters(paramLabel = "FILE", description = "the file to import")
	Path file;

	@Override
	public Integer call() throws Exception {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException("cannot read " + file);
		}
		ZoneId zone = ZoneId.of(timezone);
		var mapping = ImportRows.parseSpec(map);
		ChannelKey defaultChannel = channel(channel, file);
		PrintStream err = System.err;
		try (ConfigurableApplicationContext context = CommandContext.start(dataDir)) {
			if (context.getBean(DatabaseServer.class) instanceof EmbeddedDatabaseServer embedded && !embedded.owned()) {
				err.println("Rightly is running on this data dir: importing through its database. "
						+ "(The API and Settings → Import work too.)");
			}
			Brand target = brand(context.getBean(BrandAccess.class), brand);
			Path rejects = Importer.Request.defaultRejects(file.toAbsolutePath());
			err.println("Importing " + file + " into " + target.name() + " (" + target.slug() + ")");
			ProgressLine progress = new ProgressLine(err, System.console() != null);
			Importer.Report report = context.getBean(Importer.class)
				.run(target.tenant(), new Importer.Request(file, format, mapping, defaultChannel, zone, rejects),
						printer(progress));
			progress.finish();
			var p = report.progress();
			err.println("Mapping: " + report.mapping());
			err.printf("Done: read %,d rows: %,d created, %,d duplicate, %,d rejected in %s (%,.0f rows/s)%n", p.rows(),
					p.created(), p.duplicates(), p.rejected(), ProgressLine.duration(p.elapsed()), p.rowsPerSecond());
			if (p.undated() > 0) {
				err.printf("%,d rows had no date; they were given the time of the import.%n", p.undated());
			}
			if (report.rejects() != null) {
				err.println("Rejected rows, with their line and reason: " + report.rejects());
			}
		}
		return 0;
	}

	static ChannelKey channel(String spec, Path file) {
		if (spec == null || spec.isBlank()) {
			String name = file.getFileName().toString();
			return new ChannelKey("import", name.length() > 100 ? name.substring(0, 100) : name);
		}
		int colon = spec.indexOf(':');
		if (colon <= 0 || colon == spec.length() - 1) {
			throw new IllegalArgumentException("--channel must be KIND:NAME, e.g. x:@SkywardAir or review:Trustpilot");
		}
		return new ChannelKey(spec.substring(0, colon), spec.substring(colon + 1));
	}

	static Brand brand(BrandAccess access, String ref) {
		List<Brand> found = access.brandsWithSlugOrId(ref);
		if (found.isEmpty()) {
			throw new IllegalArgumentException("no brand '" + ref + "' in this installation");
		}
		if (found.size() > 1) {
			throw new IllegalArgumentException("the slug '" + ref + "' names brands of " + found.size()
					+ " organisations; use the brand's id instead");
		}
		return found.get(0);
	}

	/** An import's progress as a {@link ProgressLine}: rows, their rate, the outcomes. */
	static Importer.Listener printer(ProgressLine line) {
		return p -> line.show(p.fraction(),
				String.format("%,d rows, %,.0f rows/s, %,d created, %,d duplicate, %,d rejected", p.rows(),
						p.rowsPerSecond(), p.created(), p.duplicates(), p.rejected()),
				p.eta(), p.done());
	}

}
