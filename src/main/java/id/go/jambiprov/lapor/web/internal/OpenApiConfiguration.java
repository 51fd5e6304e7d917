package id.go.jambiprov.lapor.web.internal;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;

import org.springframework.context.annotation.Configuration;

/**
 * The title and the two ways of authenticating that the OpenAPI document and Swagger UI show.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
		info = @Info(title = "LAPOR Jambi API", version = "v1",
				description = "Layanan Aspirasi dan Pengaduan Online Rakyat, Provinsi Jambi. "
						+ "Errors are RFC 9457 problem+json; Accept-Language: en for English. "
						+ "Officers: POST /api/v1/auth/token, then the bearer token. "
						+ "Reporters without an account: the access key in X-Access-Key."),
		security = { @SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "accessKey") })
@SecuritySchemes({ @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT"),
		@SecurityScheme(name = "accessKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
				paramName = "X-Access-Key") })
class OpenApiConfiguration {
}
