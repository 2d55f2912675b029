package app.rightly.analysis.text;

/**
 * A message as a sparse vector: distinct feature indices (in no particular order) with
 * their values (L2-normalised term counts), plus a few dense features appended after the
 * hashed ones. {@code unit} is the value of one occurrence (values are counts times it),
 * or 0 when unknown.
 */
public record FeatureVector(int[] indices, float[] values, float[] dense, float unit) {

	/**
	 * A vector whose values are not counts times one unit (a brand model's reading).
	 */
	public FeatureVector(int[] indices, float[] values, float[] dense) {
		this(indices, values, dense, 0);
	}

	public int size() {
		return indices.length;
	}

}
