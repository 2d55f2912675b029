package app.rightly.analysis.text;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A linear classifier over hashed features (and a few dense ones): one weight per feature
 * and class, scores turned into probabilities by softmax. Trained with LIBLINEAR
 * (L2-regularised logistic regression, one class against the rest, deterministic); kept
 * as plain float arrays so that scoring a message is a few hundred multiply-adds.
 */
public final class LinearModel {

	private static final int MAGIC = 0x52_4C_4D_31; // "RLM1"

	private final List<String> labels;

	private final int dense;

	/**
	 * Row-major: feature f, class c at {@code f * k + c}; dense features after the hashed
	 * ones.
	 */
	private final float[] weights;

	private final float[] bias;

	private LinearModel(List<String> labels, int dense, float[] weights, float[] bias) {
		this.labels = List.copyOf(labels);
		this.dense = dense;
		this.weights = weights;
		this.bias = bias;
	}

	public List<String> labels() {
		return labels;
	}

	/**
	 * Copies the weights of the hashed features and the biases into a wider table, at
	 * columns {@code offset…} of rows {@code width} wide.
	 */
	void copyInto(float[] table, float[] tableBias, int width, int offset) {
		int k = labels.size();
		for (int f = 0; f < FeatureHasher.DIM; f++) {
			System.arraycopy(weights, f * k, table, f * width + offset, k);
		}
		System.arraycopy(bias, 0, tableBias, offset, k);
	}

	public int denseFeatures() {
		return dense;
	}

	/** The scores of each class (not yet probabilities). */
	public float[] scores(FeatureVector v) {
		int k = labels.size();
		float[] out = bias.clone();
		int[] idx = v.indices();
		float[] val = v.values();
		for (int i = 0; i < idx.length; i++) {
			int row = idx[i] * k;
			float x = val[i];
			for (int c = 0; c < k; c++) {
				out[c] += weights[row + c] * x;
			}
		}
		float[] d = v.dense();
		for (int j = 0; j < Math.min(dense, d.length); j++) {
			int row = (FeatureHasher.DIM + j) * k;
			for (int c = 0; c < k; c++) {
				out[c] += weights[row + c] * d[j];
			}
		}
		return out;
	}

	public float[] probabilities(FeatureVector v) {
		return softmax(scores(v));
	}

	/** The same model with each class's bias moved by {@code shift}. */
	public LinearModel shifted(float[] shift) {
		float[] moved = bias.clone();
		for (int c = 0; c < moved.length; c++) {
			moved[c] += shift[c];
		}
		return new LinearModel(labels, dense, weights, moved);
	}

	/** The mean of models of the same labels and features: their scores averaged. */
	public static LinearModel mean(List<LinearModel> models, float[] share) {
		LinearModel first = models.get(0);
		float[] w = new float[first.weights.length];
		float[] b = new float[first.bias.length];
		for (int m = 0; m < models.size(); m++) {
			LinearModel x = models.get(m);
			for (int i = 0; i < w.length; i++) {
				w[i] += share[m] * x.weights[i];
			}
			for (int i = 0; i < b.length; i++) {
				b[i] += share[m] * x.bias[i];
			}
		}
		return new LinearModel(first.labels, first.dense, w, b);
	}

	/** How much one hashed feature pushes each class; for evidence. */
	public float weight(int feature, int label) {
		return weights[feature * labels.size() + label];
	}

	public static float[] softmax(float[] scores) {
		float max = Float.NEGATIVE_INFINITY;
		for (float s : scores) {
			max = Math.max(max, s);
		}
		float sum = 0;
		float[] p = new float[scores.length];
		for (int i = 0; i < scores.length; i++) {
			p[i] = (float) Math.exp(scores[i] - max);
			sum += p[i];
		}
		for (int i = 0; i < p.length; i++) {
			p[i] /= sum;
		}
		return p;
	}

	/**
	 * A labelled example; {@code copies} is how many examples it counts for (a correction
	 * by a person counts more than a row of a file).
	 */
	public record Example(FeatureVector vector, String label, int copies) {
	}

	/**
	 * The losses: logistic regression, or a linear SVM (squared hinge loss). Logistic
	 * regression is fitted in the primal (LIBLINEAR's trust-region Newton method), which
	 * on ten thousand noisy examples is three to four times faster than the dual
	 * coordinate descent and gives the same figures; the shipped models were fitted in
	 * the dual ({@code LOGISTIC_DUAL}), which their build command keeps so that it
	 * reproduces them.
	 */
	public enum Loss {

		LOGISTIC(SolverType.L2R_LR), LOGISTIC_DUAL(SolverType.L2R_LR_DUAL), HINGE(SolverType.L2R_L2LOSS_SVC_DUAL);

		private final SolverType solver;

		Loss(SolverType solver) {
			this.solver = solver;
		}

	}

	/**
	 * How to fit: the loss; {@code c}, the inverse regularisation strength; whether rare
	 * classes count as much as frequent ones; a scale per dense feature (a larger scale
	 * regularises that feature less; the stored weights work on unscaled features); a
	 * sharpness that turns SVM margins into usable probabilities; and how much of each
	 * hashed feature's naive-Bayes evidence for the class scales it (0: none; see
	 * {@link #evidenceScales}).
	 */
	public record Settings(Loss loss, double c, boolean balanced, float[] denseScale, float sharpness, float evidence) {

		public static Settings logistic(double c, boolean balanced) {
			return new Settings(Loss.LOGISTIC_DUAL, c, balanced, null, 1, 0);
		}

	}

	/** Smoothing of the feature counts behind the naive-Bayes evidence. */
	private static final double EVIDENCE_SMOOTHING = 0.5;

	/**
	 * A scale per hashed feature for one class: {@code 1 - mix + mix * |r|}, where r is
	 * the log-ratio of how often the feature occurs in the class's examples and in the
	 * others' (smoothed; Wang and Manning's NBSVM, 2012). Features that tell the class
	 * apart are then regularised less, which helps when examples are few; the scale is
	 * folded into the stored weights, so scoring does not change.
	 */
	static float[] evidenceScales(Feature[][] x, boolean[] positive, float mix) {
		double[] in = new double[FeatureHasher.DIM];
		double[] out = new double[FeatureHasher.DIM];
		for (int i = 0; i < x.length; i++) {
			double[] counts = positive[i] ? in : out;
			for (Feature f : x[i]) {
				int j = f.getIndex() - 1;
				if (j < FeatureHasher.DIM) {
					counts[j] += 1;
				}
			}
		}
		double inTotal = 0;
		double outTotal = 0;
		for (int j = 0; j < FeatureHasher.DIM; j++) {
			inTotal += in[j] + EVIDENCE_SMOOTHING;
			outTotal += out[j] + EVIDENCE_SMOOTHING;
		}
		float[] scale = new float[FeatureHasher.DIM];
		for (int j = 0; j < FeatureHasher.DIM; j++) {
			double r = Math.log((in[j] + EVIDENCE_SMOOTHING) / inTotal)
					- Math.log((out[j] + EVIDENCE_SMOOTHING) / outTotal);
			scale[j] = (float) (1 - mix + mix * Math.abs(r));
		}
		return scale;
	}

	private static Feature[][] scaled(Feature[][] x, float[] scale) {
		Feature[][] out = new Feature[x.length][];
		for (int i = 0; i < x.length; i++) {
			out[i] = new Feature[x[i].length];
			for (int t = 0; t < x[i].length; t++) {
				Feature f = x[i][t];
				int j = f.getIndex() - 1;
				out[i][t] = j < FeatureHasher.DIM ? new FeatureNode(f.getIndex(), f.getValue() * scale[j]) : f;
			}
		}
		return out;
	}

	/**
	 * Trains a model on examples: one classifier per class against the rest (LIBLINEAR),
	 * the classes in parallel; the dual solvers visit the examples in a random order from
	 * the same seed, so the same data always gives the same model.
	 */
	public static LinearModel train(List<Example> examples, List<String> labels, int denseFeatures, Settings settings) {
		int k = labels.size();
		int n = FeatureHasher.DIM + denseFeatures;
		float[] weights = new float[n * k];
		float[] bias = new float[k];
		Linear.disableDebugOutput(); // it prints to standard output, which carries
										// command results
		List<Feature[]> rows = new ArrayList<>();
		List<String> rowLabels = new ArrayList<>();
		for (Example e : examples) {
			Feature[] x = features(e.vector(), denseFeatures, settings.denseScale(), n + 1);
			for (int copy = 0; copy < Math.max(1, e.copies()); copy++) {
				rows.add(x);
				rowLabels.add(e.label());
			}
		}
		Feature[][] x = rows.toArray(new Feature[0][]);
		IntStream.range(0, k).parallel().forEach(cls -> {
			Problem problem = new Problem();
			problem.l = x.length;
			problem.n = n + 1;
			problem.bias = 1;
			problem.x = x;
			problem.y = new double[x.length];
			boolean[] positive = new boolean[x.length];
			double positives = 0;
			for (int i = 0; i < x.length; i++) {
				positive[i] = rowLabels.get(i).equals(labels.get(cls));
				problem.y[i] = positive[i] ? 1 : -1;
				positives += positive[i] ? 1 : 0;
			}
			if (positives == 0) {
				bias[cls] = -10;
				return;
			}
			float[] evidence = settings.evidence() > 0 ? evidenceScales(x, positive, settings.evidence()) : null;
			if (evidence != null) {
				problem.x = scaled(x, evidence);
			}
			Parameter parameter = new Parameter(settings.loss().solver, settings.c(), 0.01);
			parameter.setRandom(new Random(0));
			if (settings.balanced()) {
				// half-way between plain and fully balanced: rare classes gain recall
				// without drowning the frequent ones
				double negatives = x.length - positives;
				parameter.setWeights(new double[] { Math.max(1, negatives / positives) / 2 + 0.5, 1 },
						new int[] { 1, -1 });
			}
			Model model = Linear.train(problem, parameter);
			double[] w = model.getFeatureWeights();
			// LIBLINEAR orders labels as it met them; the weights are for its first label
			double sign = (model.getLabels()[0] == 1 ? 1 : -1) * settings.sharpness();
			for (int f = 0; f < n; f++) {
				int dense = f - FeatureHasher.DIM;
				double scale = dense >= 0 ? (settings.denseScale() != null ? settings.denseScale()[dense] : 1)
						: (evidence != null ? evidence[f] : 1);
				weights[f * k + cls] = (float) (sign * w[f] * scale);
			}
			bias[cls] = (float) (sign * w[n]);
		});
		return new LinearModel(labels, denseFeatures, weights, bias);
	}

	private static Feature[] features(FeatureVector v, int denseFeatures, float[] denseScale, int biasIndex) {
		int[] idx = v.indices();
		float[] val = v.values();
		List<Feature> f = new ArrayList<>(idx.length + denseFeatures + 1);
		for (int i = 0; i < idx.length; i++) {
			f.add(new FeatureNode(idx[i] + 1, val[i]));
		}
		for (int j = 0; j < Math.min(denseFeatures, v.dense().length); j++) {
			if (v.dense()[j] != 0) {
				f.add(new FeatureNode(FeatureHasher.DIM + j + 1,
						v.dense()[j] * (denseScale == null ? 1 : denseScale[j])));
			}
		}
		f.add(new FeatureNode(biasIndex, 1));
		f.sort(java.util.Comparator.comparingInt(Feature::getIndex)); // LIBLINEAR needs
																		// them in order
		return f.toArray(new Feature[0]);
	}

	// ---- storage: gzip, only the rows a feature was seen in
	// --------------------------------

	public void write(OutputStream target) throws IOException {
		int k = labels.size();
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
			out.writeInt(MAGIC);
			out.writeInt(FeatureHasher.BITS);
			out.writeInt(dense);
			out.writeInt(k);
			for (String label : labels) {
				out.writeUTF(label);
			}
			for (float b : bias) {
				out.writeFloat(b);
			}
			int rows = FeatureHasher.DIM + dense;
			int used = 0;
			for (int f = 0; f < rows; f++) {
				used += nonZero(f, k) ? 1 : 0;
			}
			out.writeInt(used);
			int last = 0;
			for (int f = 0; f < rows; f++) {
				if (nonZero(f, k)) {
					writeVarInt(out, f - last); // gaps compress well
					last = f;
					for (int c = 0; c < k; c++) {
						out.writeFloat(weights[f * k + c]);
					}
				}
			}
		}
	}

	private boolean nonZero(int f, int k) {
		for (int c = 0; c < k; c++) {
			if (weights[f * k + c] != 0) {
				return true;
			}
		}
		return false;
	}

	public static LinearModel read(InputStream source) throws IOException {
		try (DataInputStream in = new DataInputStream(new GZIPInputStream(source, 1 << 16))) {
			if (in.readInt() != MAGIC) {
				throw new IOException("not a Rightly model");
			}
			if (in.readInt() != FeatureHasher.BITS) {
				throw new IOException("the model was made for another feature space");
			}
			int dense = in.readInt();
			int k = in.readInt();
			List<String> labels = new ArrayList<>();
			for (int c = 0; c < k; c++) {
				labels.add(in.readUTF());
			}
			float[] bias = new float[k];
			for (int c = 0; c < k; c++) {
				bias[c] = in.readFloat();
			}
			float[] weights = new float[(FeatureHasher.DIM + dense) * k];
			int used = in.readInt();
			int f = 0;
			for (int r = 0; r < used; r++) {
				f += readVarInt(in);
				for (int c = 0; c < k; c++) {
					weights[f * k + c] = in.readFloat();
				}
			}
			return new LinearModel(labels, dense, weights, bias);
		}
	}

	private static void writeVarInt(DataOutputStream out, int v) throws IOException {
		while ((v & ~0x7F) != 0) {
			out.writeByte((v & 0x7F) | 0x80);
			v >>>= 7;
		}
		out.writeByte(v);
	}

	private static int readVarInt(DataInputStream in) throws IOException {
		int v = 0;
		int shift = 0;
		int b;
		do {
			b = in.readUnsignedByte();
			v |= (b & 0x7F) << shift;
			shift += 7;
		}
		while ((b & 0x80) != 0);
		return v;
	}

}
