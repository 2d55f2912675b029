/**
 * Messages and conversations: every message lands once (idempotent on brand, channel and
 * external id), attributed to its customer and threaded into a conversation; later the
 * inbox, assignment, SLAs, notes and replies.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "channels", "customers", "analysis", "tenancy", "shared" })
package app.rightly.conversations;
