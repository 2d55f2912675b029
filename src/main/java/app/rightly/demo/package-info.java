/**
 * The demo installation: an agency with an airline and an online shop, three users, and a
 * few hundred customer messages over the last 30 days, written by our own templates and
 * randomness. Created on {@code serve --demo}, idempotently.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "conversations", "channels", "tenancy", "shared" })
package app.rightly.demo;
