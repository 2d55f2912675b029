package app.rightly.analysis;

import java.util.List;

import app.rightly.analysis.training.CareTemplates;
import app.rightly.analysis.training.PermissiveData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is up, analyses a few thousand of the team's template messages on a
 * low-priority background thread, so that the JIT has compiled the analysis before the
 * first real traffic: ingest right after a start runs at full speed instead of paying for
 * interpreted code. Takes about a second of one core; {@code rightly.analysis.warm-up}
 * turns it off.
 */
@Component
class AnalysisWarmUp {

	private static final Logger log = LoggerFactory.getLogger(AnalysisWarmUp.class);

	private final CustomerCareAnalyser analyser;

	private final boolean enabled;

	AnalysisWarmUp(CustomerCareAnalyser analyser, @Value("${rightly.analysis.warm-up:true}") boolean enabled) {
		this.analyser = analyser;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warmUp() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(this::run, "rightly:analysis-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

	void run() {
		long started = System.nanoTime();
		List<PermissiveData.Labelled> messages = CareTemplates.expand(20, 42);
		int analysed = 0;
		for (int round = 0; round < 8; round++) {
			for (PermissiveData.Labelled m : messages) {
				analyser.analyse(new AnalysisRequest(null, m.text(), 100L, BrandKnowledge.NONE));
				analysed++;
			}
		}
		log.debug("analysis warmed up on {} messages in {} ms", analysed, (System.nanoTime() - started) / 1_000_000);
	}

}
