package app.rightly.analysis;

/**
 * A way of reading text, as a plugin: each has a stable id, so another (a brand-trained
 * model, an ONNX transformer, an external LLM) can be added without touching the callers.
 */
public interface Analyser {

	/** Stable id, stored with every analysis it produces. */
	String id();

	Analysis analyse(AnalysisRequest request);

}
