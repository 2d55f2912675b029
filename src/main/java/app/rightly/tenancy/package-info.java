/**
 * Who may see and do what: organisations (a brand's own team or an agency), their brands,
 * users with a role, brand memberships, sign-in and personal API tokens. Every other
 * module asks {@link app.rightly.tenancy.BrandAccess} for the
 * {@link app.rightly.shared.Tenant} of a request; a brand the caller cannot see is "not
 * found".
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package app.rightly.tenancy;
