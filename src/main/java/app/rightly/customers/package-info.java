/**
 * The people behind the messages: one customer per person per brand, with their
 * identities on every channel (handles, e-mail addresses) resolved to the same customer;
 * later profiles, merging, value, fit and abuse flags.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "shared" })
package app.rightly.customers;
