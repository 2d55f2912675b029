package app.rightly.analysis;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A development tool, not a test: how much faster one build of the analysis is than
 * another, both loaded in the same JVM (each by a class loader of its own) and run in
 * turns of one second, so the machine's slow and fast spells fall on both alike — on a
 * shared 2-core VM two runs one after the other differ by up to 30%, these turns by a few
 * per cent. Run with {@code bench/ab.sh BASE_REF FILE}.
 * {@code java -cp target/test-classes AnalysisAB BASE_CLASSES NEW_CLASSES CLASSPATH_FILE MESSAGES [TURNS]}
 */
public final class AnalysisAB {

	private AnalysisAB() {
	}

	/**
	 * One build's analysis: {@code analyse(new AnalysisRequest(null, text, 250L, NONE))}.
	 */
	private static final class Build {

		private final Object analyser;

		private final Method analyse;

		private final Constructor<?> request;

		private final Object none;

		private Object sink;

		private int next;

		Build(Path classes, List<URL> dependencies) throws Exception {
			List<URL> urls = new ArrayList<>();
			urls.add(classes.toUri().toURL());
			urls.addAll(dependencies);
			ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
			Class<?> type = loader.loadClass("app.rightly.analysis.CustomerCareAnalyser");
			Class<?> requestType = loader.loadClass("app.rightly.analysis.AnalysisRequest");
			Class<?> brandType = loader.loadClass("app.rightly.analysis.BrandKnowledge");
			this.analyser = type.getConstructor().newInstance();
			this.analyse = type.getMethod("analyse", requestType);
			this.request = requestType.getConstructor(loader.loadClass("app.rightly.shared.Tenant"), String.class,
					Long.class, brandType);
			this.none = brandType.getField("NONE").get(null);
		}

		/** How many messages it analyses in the given time. */
		long run(String[] texts, long nanos) throws Exception {
			long end = System.nanoTime() + nanos;
			long n = 0;
			while (System.nanoTime() < end) {
				for (int k = 0; k < 100; k++) {
					this.sink = this.analyse.invoke(this.analyser,
							this.request.newInstance(null, texts[this.next], 250L, this.none));
					this.next = this.next + 1 == texts.length ? 0 : this.next + 1;
					n++;
				}
			}
			return n;
		}

	}

	public static void main(String[] args) throws Exception {
		List<URL> dependencies = new ArrayList<>();
		for (String entry : Files.readString(Path.of(args[2])).trim().split(java.io.File.pathSeparator)) {
			dependencies.add(Path.of(entry).toUri().toURL());
		}
		String[] texts = Files.readAllLines(Path.of(args[3]), StandardCharsets.UTF_8)
			.stream()
			.filter(l -> !l.isBlank())
			.toArray(String[]::new);
		int turns = args.length > 4 ? Integer.parseInt(args[4]) : 30;
		if (turns < 1) {
			throw new IllegalArgumentException("TURNS must be 1 or more");
		}
		Build base = new Build(Path.of(args[0]), dependencies);
		Build changed = new Build(Path.of(args[1]), dependencies);
		long second = 1_000_000_000L;
		for (int i = 0; i < 8; i++) { // warm-up: the JIT compiles both
			base.run(texts, second);
			changed.run(texts, second);
		}
		long baseTotal = 0;
		long changedTotal = 0;
		double[] ratios = new double[turns];
		for (int i = 0; i < turns; i++) {
			long b = base.run(texts, second);
			long c = changed.run(texts, second);
			baseTotal += b;
			changedTotal += c;
			ratios[i] = (double) c / b;
		}
		Arrays.sort(ratios);
		System.out.printf(
				"base %,d messages/s, changed %,d messages/s: ratio %.3f (turns: median %.3f, quartiles %.3f–%.3f)%n",
				baseTotal / turns, changedTotal / turns, (double) changedTotal / baseTotal, ratios[turns / 2],
				ratios[turns / 4], ratios[3 * turns / 4]);
	}

}
