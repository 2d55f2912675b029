/**
 * The command line: {@code rightly serve}, {@code rightly token create} and the commands
 * later issues add. Each command starts the part of the application it needs; it may use
 * any module's API and nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule
package app.rightly.cli;
