package app.rightly.analysis.text;

/**
 * A message as a sparse vector: distinct feature indices (in no particular order) with
 * their values (L2-normalised term counts), plus a few dense features appended after the
 * hashed ones.
 */
public record FeatureVector(int[] indices, float[] values, float[] dense) {

	public int size() {
		return indices.length;
	}

}
