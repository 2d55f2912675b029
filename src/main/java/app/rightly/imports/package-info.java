/**
 * File imports: exports of social tools, review sites and data sets (CSV or JSON Lines)
 * streamed into the brand's messages through the same ingest as the API — idempotent, so
 * an interrupted import is resumed by running it again. Used by {@code rightly import}
 * and Settings → Import.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "conversations", "channels", "tenancy", "shared" })
package app.rightly.imports;
