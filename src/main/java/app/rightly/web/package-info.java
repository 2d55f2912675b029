/**
 * The shell around every page: layout and navigation, the brand switcher, sign-in and
 * invitation pages, settings, error pages and the problem documents of the API. It may
 * use any module's API; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule
package app.rightly.web;
