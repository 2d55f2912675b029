package app.rightly.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Rightly API", version = "v1",
		description = "Listen, understand and respond to customers. Authenticate with a personal API token "
				+ "(Settings → API tokens, or `rightly token create`): `Authorization: Bearer <token>`. "
				+ "Errors are application/problem+json (RFC 9457) with a `type` under /problems/ and "
				+ "`errors[]` naming each bad field."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "rly_ token")
class ApiDocumentation {

}
