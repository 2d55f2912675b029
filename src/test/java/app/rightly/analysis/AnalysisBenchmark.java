package app.rightly.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import app.rightly.analysis.text.Tokenizer;
import app.rightly.analysis.text.Vader;
import app.rightly.analysis.training.CareTemplates;
import app.rightly.shared.BrandId;
import app.rightly.shared.OrganisationId;
import app.rightly.shared.Tenant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many messages per second one thread analyses: Rightly's whole default analysis
 * against a reference lexicon scorer (VADER's rules over the same tokens) in the same
 * run, so the ratio stays meaningful on a noisy machine. Run with
 * {@code bench/analysis.sh [FILE]}; FILE has one message per line (without it, the team's
 * customer-care templates are used). docs/benchmarks.md has the figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// 24 s of warm-up: on a busy two-core machine the JIT is still compiling the analysis
// after 9 s, and the measured seconds then swing by a third (docs/benchmarks.md)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
public class AnalysisBenchmark {

	/** A file of messages, one per line; empty for the built-in sample. */
	@Param("")
	public String messages;

	private final Tenant tenant = new Tenant(new OrganisationId(new UUID(0, 1)), new BrandId(new UUID(0, 2)));

	private CustomerCareAnalyser analyser;

	private Vader vader;

	private String[] texts;

	private int next;

	@Setup
	public void load() throws IOException {
		this.analyser = new CustomerCareAnalyser();
		this.vader = Vader.load();
		List<String> lines = new ArrayList<>();
		if (this.messages.isEmpty()) {
			CareTemplates.expand(20, 7).forEach(l -> lines.add(l.text()));
		}
		else {
			for (String line : Files.readAllLines(Path.of(this.messages), StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					lines.add(line);
				}
			}
		}
		this.texts = lines.toArray(new String[0]);
	}

	private String nextText() {
		String text = this.texts[this.next];
		this.next = this.next + 1 == this.texts.length ? 0 : this.next + 1;
		return text;
	}

	/** Rightly's whole default analysis of one message. */
	@Benchmark
	public Analysis rightly() {
		return this.analyser.analyse(new AnalysisRequest(this.tenant, nextText(), 250L, BrandKnowledge.NONE));
	}

	/** The reference: VADER's compound score of one message, tokenised the same way. */
	@Benchmark
	public double vaderReference() {
		String text = nextText();
		return this.vader.compound(Tokenizer.tokens(text), text);
	}

}
