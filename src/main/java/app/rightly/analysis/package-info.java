/**
 * Understanding text: sentiment, emotion, intent, urgency, toxicity, topics, brand
 * promises and policies, the risk score, the reply coach, and brand-trained models — each
 * analyser a plugin behind a small SPI.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "shared" })
package app.rightly.analysis;
