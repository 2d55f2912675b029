/**
 * The tiny kernel every module may use: typed ids, the tenant a call works for, and the
 * exceptions that the web layer turns into 400, 403 and 404 answers. No beans, no
 * entities.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.rightly.shared;
