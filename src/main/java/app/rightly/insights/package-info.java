/**
 * Turning what is stored into decisions (to come): sentiment and volume trends, spike and
 * crisis alerts, drivers of negative sentiment, the promise scorecard, the policy
 * friction report, team performance and per-brand client reports. Reads other modules'
 * APIs and events only.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "conversations", "customers", "analysis", "channels", "tenancy", "shared" })
package app.rightly.insights;
