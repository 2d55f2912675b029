package app.rightly.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import app.rightly.analysis.text.FeatureVector;
import app.rightly.analysis.text.LinearModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Training on a small fixture of our own, then evaluating on its held-out part: the
 * trained model beats the baselines, and the same examples give the same model.
 */
class BrandTrainingTests {

	static final CustomerCareAnalyser ANALYSER = new CustomerCareAnalyser();

	record Row(String text, String label, boolean train) {
	}

	static List<Row> fixture() throws IOException {
		try (InputStream in = BrandTrainingTests.class.getResourceAsStream("/analysis/reasons.csv")) {
			List<Row> rows = new ArrayList<>();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String[] f = line.split(",");
				if (f.length == 3 && !f[0].equals("text")) {
					rows.add(new Row(f[0], f[1], f[2].equals("train")));
				}
			}
			return rows;
		}
	}

	static LinearModel train(String task, List<Row> rows) {
		List<LinearModel.Example> examples = new ArrayList<>();
		TreeSet<String> labels = new TreeSet<>();
		for (Row r : rows) {
			examples.add(new LinearModel.Example(ANALYSER.brandFeatures(r.text()), r.label(), 1));
			labels.add(r.label());
		}
		return BrandTraining.train(task, examples, new ArrayList<>(labels), ANALYSER::brandFeatures);
	}

	static double accuracy(LinearModel model, List<Row> rows) {
		int right = 0;
		for (Row r : rows) {
			float[] p = model.probabilities(ANALYSER.brandFeatures(r.text()));
			int best = 0;
			for (int i = 1; i < p.length; i++) {
				best = p[i] > p[best] ? i : best;
			}
			right += model.labels().get(best).equals(r.label()) ? 1 : 0;
		}
		return right / (double) rows.size();
	}

	@Test
	void aTopicModelTrainedOnTheFixtureBeatsTheBaselinesOnItsHeldOutPart() throws IOException {
		List<Row> rows = fixture();
		List<Row> train = rows.stream().filter(Row::train).toList();
		List<Row> test = rows.stream().filter(r -> !r.train()).toList();
		assertThat(train).hasSizeGreaterThan(20);
		assertThat(test).hasSizeGreaterThan(10);

		double full = accuracy(train("topic", train), test);
		// a quarter of the examples: worse, but better than guessing
		List<Row> few = new ArrayList<>();
		for (int i = 0; i < train.size(); i += 4) {
			few.add(train.get(i));
		}
		double small = accuracy(train("topic", few), test);
		double majority = 3 / (double) test.size();

		assertThat(full).as("accuracy with all the training examples").isGreaterThanOrEqualTo(0.8);
		assertThat(full).isGreaterThanOrEqualTo(small);
		assertThat(small).as("accuracy with a quarter of them").isGreaterThan(majority);
	}

	@Test
	void theSameExamplesGiveTheSameModel() throws IOException {
		List<Row> train = fixture().stream().filter(Row::train).toList();
		LinearModel a = train("intent", train);
		LinearModel b = train("intent", train);
		for (Row r : fixture()) {
			assertThat(a.probabilities(ANALYSER.brandFeatures(r.text())))
				.containsExactly(b.probabilities(ANALYSER.brandFeatures(r.text())));
		}
	}

	@Test
	void aBrandSentimentModelLearnsTheBrandsWords() {
		// "sardine can" is this airline's customers' word for a cramped cabin
		List<Row> rows = new ArrayList<>();
		for (String s : List.of("another sardine can flight", "sardine can seats again", "sardine can cabin today",
				"felt like a sardine can", "the usual sardine can")) {
			rows.add(new Row(s, "negative", true));
		}
		for (String s : List.of("roomy cabin today", "plenty of legroom", "what a spacious seat", "lovely roomy seats",
				"so much space, great")) {
			rows.add(new Row(s, "positive", true));
		}
		for (String s : List.of("flight at nine", "boarding at gate 4", "landing in Boston", "seat 12A",
				"flying tomorrow")) {
			rows.add(new Row(s, "neutral", true));
		}
		LinearModel model = train("sentiment", rows);
		FeatureVector v = ANALYSER.brandFeatures("sardine can seats on the morning flight");
		assertThat(model.labels().get(argmax(model.probabilities(v)))).isEqualTo("negative");
		// what the message is about (its aspects) has no weight in how it feels
		float[] aboutNothing = v.dense().clone();
		Arrays.fill(aboutNothing, CustomerCareAnalyser.READING, CustomerCareAnalyser.ASPECTS_END, 0);
		assertThat(model.probabilities(new FeatureVector(v.indices(), v.values(), aboutNothing)))
			.containsExactly(model.probabilities(v));
	}

	@Test
	void aSentimentModelReadsHowSureTheReadingIsAndAnOlderModelScoresAsItWasTrained() {
		List<Row> rows = new ArrayList<>();
		for (String s : List.of("my bag never arrived", "three hours late again", "worst service ever",
				"you lost my luggage", "still waiting for my refund")) {
			rows.add(new Row(s, "negative", true));
		}
		for (String s : List.of("thank you so much", "lovely crew today", "great flight, thanks", "best airline ever",
				"the agent was brilliant")) {
			rows.add(new Row(s, "positive", true));
		}
		for (String s : List.of("flight at nine", "boarding at gate 4", "what time is check-in", "DM sent",
				"booking ref X7Y2K")) {
			rows.add(new Row(s, "neutral", true));
		}
		LinearModel model = train("sentiment", rows);
		FeatureVector v = ANALYSER.brandFeatures("still no sign of my bag");
		// the reading's log-probabilities come last and weigh in a sentiment model
		float[] withoutLogs = v.dense().clone();
		Arrays.fill(withoutLogs, CustomerCareAnalyser.ASPECTS_END, withoutLogs.length, 0);
		assertThat(withoutLogs).isNotEqualTo(v.dense());
		assertThat(model.probabilities(new FeatureVector(v.indices(), v.values(), withoutLogs)))
			.isNotEqualTo(model.probabilities(v));
		// a model trained before they were added reads only the features it knows
		List<LinearModel.Example> examples = new ArrayList<>();
		for (Row r : rows) {
			examples.add(new LinearModel.Example(ANALYSER.brandFeatures(r.text()), r.label(), 1));
		}
		LinearModel older = LinearModel.train(examples, model.labels(), CustomerCareAnalyser.ASPECTS_END,
				BrandTraining.settings("sentiment"));
		assertThat(older.probabilities(new FeatureVector(v.indices(), v.values(), withoutLogs)))
			.containsExactly(older.probabilities(v));
	}

	@Test
	void aTopicModelGoesByWhatTheMessageIsAboutNotByItsTone() {
		// this brand's customers happen to be angry about bags and polite about refunds
		List<Row> rows = new ArrayList<>();
		for (String s : List.of("worst airline ever, where is my bag", "my suitcase is lost, this is a disgrace",
				"furious, you lost my luggage again", "terrible, my bag never arrived",
				"useless, still no sign of my bag", "you broke my suitcase, awful",
				"my luggage went to Rome, ridiculous", "horrible, my bag is missing")) {
			rows.add(new Row(s, "luggage", true));
		}
		for (String s : List.of("thank you, could I have a refund for my ticket", "lovely crew, please refund the fare",
				"thanks so much, how do I get my money back", "great flight, I would like a refund for my seat upgrade",
				"kind regards, please return the fee", "thank you for the refund form",
				"much appreciated, refund please", "wonderful service, one question about my refund")) {
			rows.add(new Row(s, "refund", true));
		}
		LinearModel model = train("topic", rows);
		// the reading of the tone has no weight in a topic model
		FeatureVector angry = ANALYSER.brandFeatures("terrible, my bag never arrived");
		float[] toneless = angry.dense().clone();
		Arrays.fill(toneless, 0, CustomerCareAnalyser.READING, 0);
		Arrays.fill(toneless, CustomerCareAnalyser.ASPECTS_END, toneless.length, 0);
		assertThat(model.probabilities(new FeatureVector(angry.indices(), angry.values(), toneless)))
			.containsExactly(model.probabilities(angry));
		assertThat(model.labels()
			.get(argmax(model.probabilities(ANALYSER
				.brandFeatures("thank you so much, my suitcase did not come off the belt, could you look for it")))))
			.isEqualTo("luggage");
		assertThat(model.labels()
			.get(argmax(model.probabilities(ANALYSER.brandFeatures("this is a disgrace, I want my money back")))))
			.isEqualTo("refund");
	}

	@Test
	void aTopicsOwnNameTeachesItWhenItHasFewExamples() {
		List<Row> rows = new ArrayList<>();
		for (String s : List.of("where is my bag", "my suitcase never arrived", "you lost my luggage",
				"still no sign of my bag", "my bags went to Rome", "the belt is empty and my case is not on it")) {
			rows.add(new Row(s, "Lost Luggage", true));
		}
		for (String s : List.of("three hours late", "delayed again", "still waiting to take off", "the flight is late",
				"we left two hours behind schedule", "sat on the tarmac for ages")) {
			rows.add(new Row(s, "Late Flight", true));
		}
		// one example of the rare topic, in words of its own
		rows.add(new Row("the wheels came off my case", "Damaged_Luggage", true));
		LinearModel model = train("topic", rows);
		assertThat(model.labels()
			.get(argmax(model.probabilities(ANALYSER.brandFeatures("my suitcase arrived badly damaged")))))
			.isEqualTo("Damaged_Luggage");
		// without the names, the one example says nothing about damage
		List<LinearModel.Example> examples = new ArrayList<>();
		for (Row r : rows) {
			examples.add(new LinearModel.Example(ANALYSER.brandFeatures(r.text()), r.label(), 1));
		}
		LinearModel unnamed = LinearModel.train(examples, model.labels(), CustomerCareAnalyser.DENSE_FEATURES,
				BrandTraining.settings("topic"));
		assertThat(unnamed.labels()
			.get(argmax(unnamed.probabilities(ANALYSER.brandFeatures("my suitcase arrived badly damaged")))))
			.isEqualTo("Lost Luggage");
		assertThat(model.labels().get(argmax(model.probabilities(ANALYSER.brandFeatures("where is my suitcase")))))
			.isEqualTo("Lost Luggage");
	}

	static int argmax(float[] p) {
		int best = 0;
		for (int i = 1; i < p.length; i++) {
			best = p[i] > p[best] ? i : best;
		}
		return best;
	}

}
