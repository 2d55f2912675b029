/**
 * The runtime platform: the data directory, the PostgreSQL server Rightly talks to
 * (embedded under the data dir, or an external server) and what the server says about
 * itself at start. Business modules never depend on it; they only see a
 * {@code DataSource}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.rightly.platform;
