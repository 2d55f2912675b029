/**
 * Where messages come from and replies go to: each brand's channels (a social account, a
 * review site, an e-mail address, a chat widget, the API, an import), and later one
 * connector per kind behind a small SPI. It knows each kind's rules, such as which
 * network an author's handle lives on.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "tenancy", "shared" })
package app.rightly.channels;
