package app.rightly.analysis.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistical models Rightly ships, trained by {@code rightly models build} on
 * permissively licensed data (docs/models.md) and kept in the jar under {@code /models}.
 * A model that is not there (before the first build) reads nothing; the analysis then
 * relies on its rules.
 * <p>
 * All of them read the same hashed features, so their weights are kept side by side, one
 * row per feature: a message's features are looked up once for every model. That one pass
 * over memory is most of the analysis's cost, so it matters.
 */
public final class BaseModels {

	public static final String[] NAMES = { "sentiment", "complaint", "toxicity", "emotion", "irony" };

	public static final int SENTIMENT = 0;

	public static final int COMPLAINT = 1;

	public static final int TOXICITY = 2;

	public static final int EMOTION = 3;

	public static final int IRONY = 4;

	private final List<List<String>> labels = new ArrayList<>();

	/** Where each model's classes start in a row; -1 for a missing model. */
	private final int[] offsets = new int[NAMES.length];

	/** Classes per row (all models). */
	private final int width;

	/**
	 * Feature f, class j of all models as a signed byte times the column's scale (a
	 * quarter of the memory of floats, so the rows a message needs are mostly in the
	 * processor's cache; the rounding moves no figure in docs/benchmarks.md by more than
	 * 0.002), packed for summing: each row as {@link #lanes} longs of four 16-bit lanes,
	 * lane j holding class j's byte plus 128 (0–255), so one long addition adds four
	 * classes. A lane overflows only past 257 such additions, so the sums are emptied
	 * into ints before (see {@link #probabilities}): whole numbers, exactly the bytes'
	 * sums.
	 */
	private final long[] packed;

	private final int lanes;

	private final float[] scale;

	private final float[] bias;

	/** Where the pre-fetching pass leaves its sum, so that it is not optimised away. */
	@SuppressWarnings("unused")
	private static int touch;

	private BaseModels(List<LinearModel> models) {
		int w = 0;
		for (int m = 0; m < NAMES.length; m++) {
			LinearModel model = models.get(m);
			labels.add(model == null ? List.of() : model.labels());
			offsets[m] = model == null ? -1 : w;
			w += model == null ? 0 : model.labels().size();
		}
		width = w;
		float[] table = new float[FeatureHasher.DIM * width];
		bias = new float[width];
		for (int m = 0; m < NAMES.length; m++) {
			LinearModel model = models.get(m);
			if (model != null) {
				model.copyInto(table, bias, width, offsets[m]);
			}
		}
		scale = new float[width];
		for (int i = 0; i < table.length; i++) {
			scale[i % width] = Math.max(scale[i % width], Math.abs(table[i]) / 127f);
		}
		lanes = (width + 3) / 4;
		packed = new long[FeatureHasher.DIM * lanes];
		for (int f = 0; f < FeatureHasher.DIM; f++) {
			for (int j = 0; j < width; j++) {
				float s = scale[j];
				int b = s == 0 ? 0 : Math.round(table[f * width + j] / s);
				packed[f * lanes + j / 4] |= (long) (b + 128) << (16 * (j % 4));
			}
		}
	}

	public static BaseModels load() {
		List<LinearModel> models = new ArrayList<>();
		for (String name : NAMES) {
			models.add(read(name));
		}
		return new BaseModels(models);
	}

	/** The labels of a model ({@link #SENTIMENT}…), empty when it is missing. */
	public List<String> labels(int model) {
		return labels.get(model);
	}

	public boolean has(int model) {
		return offsets[model] >= 0;
	}

	/**
	 * Every model's probabilities for a message, in one pass over its features; a missing
	 * model's entry is {@code null}.
	 */
	public float[][] probabilities(FeatureVector v) {
		int[] idx = v.indices();
		float[] val = v.values();
		// first ask for every row the message needs, each load independent of the
		// others, so the memory fetches them at once; the sums below then find them near
		int touched = 0;
		for (int i = 0; i < idx.length; i++) {
			int row = idx[i] * lanes;
			touched += (int) (packed[row] + packed[row + lanes - 1]);
		}
		touch = touched;
		float[] scores = new float[width];
		float unit = v.unit();
		if (unit > 0) {
			// the values are counts times one unit: sum whole numbers, scale once
			int[] counts = new int[width];
			long[] lane = new long[lanes];
			float inverse = 1 / unit;
			int total = 0; // of the counts: each added 128 to every lane
			int since = 0; // counts added to the lanes since they were last emptied
			for (int i = 0; i < idx.length; i++) {
				int row = idx[i] * lanes;
				int x = Math.round(val[i] * inverse);
				if (since + x > 256) {
					empty(lane, counts);
					since = 0;
				}
				if (x > 256) { // a word said hundreds of times: its row alone
					for (int j = 0; j < width; j++) {
						counts[j] += weight(idx[i], j) * x;
					}
					continue;
				}
				since += x;
				total += x;
				for (int k = 0; k < lanes; k++) {
					lane[k] += packed[row + k] * x;
				}
			}
			empty(lane, counts);
			for (int j = 0; j < width; j++) {
				scores[j] = bias[j] + (counts[j] - 128 * total) * scale[j] * unit;
			}
			return softmaxes(scores);
		}
		float[] sums = new float[width];
		for (int i = 0; i < idx.length; i++) {
			float x = val[i];
			for (int j = 0; j < width; j++) {
				sums[j] += weight(idx[i], j) * x;
			}
		}
		for (int j = 0; j < width; j++) {
			scores[j] = bias[j] + sums[j] * scale[j];
		}
		return softmaxes(scores);
	}

	/** The byte of feature f, class j. */
	private int weight(int f, int j) {
		return (int) (packed[f * lanes + (j >> 2)] >>> ((j & 3) << 4) & 0xFFFF) - 128;
	}

	/** Adds the lanes' sums to the counts and empties the lanes. */
	private void empty(long[] lane, int[] counts) {
		for (int j = 0; j < width; j++) {
			counts[j] += (int) (lane[j >> 2] >>> ((j & 3) << 4) & 0xFFFF);
		}
		Arrays.fill(lane, 0);
	}

	private float[][] softmaxes(float[] scores) {
		float[][] out = new float[NAMES.length][];
		for (int m = 0; m < NAMES.length; m++) {
			if (offsets[m] >= 0) {
				float[] z = new float[labels.get(m).size()];
				System.arraycopy(scores, offsets[m], z, 0, z.length);
				out[m] = LinearModel.softmax(z);
			}
		}
		return out;
	}

	private static LinearModel read(String name) {
		try (InputStream in = BaseModels.class.getResourceAsStream("/models/" + name + ".model.gz")) {
			return in == null ? null : LinearModel.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the shipped model " + name + " cannot be read", ex);
		}
	}

}
