package vn.motcua.gateway;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The public REST API: authenticates callers and translates JSON to the services' gRPC contracts. */
@OpenAPIDefinition(info = @Info(title = "MotCua API", version = "v1", description = """
        Public REST API of MotCua (một cửa). Errors are RFC 9457 application/problem+json with a stable `reason`. \
        Every operation declares who may call it: `x-access` names the gateway's access policy and `x-roles` the \
        Keycloak realm roles it admits (`anonymous`: no token; `authenticated`: any valid token). Scope (which unit, \
        whose dossier) is decided by the services from the same token."""))
@SecurityScheme(
        name = Application.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT",
        description = "Access token of the realm `motcua` (Keycloak), audience motcua-api")
public final class Application {

    /** Name of the OpenAPI security scheme every non-public operation requires. */
    public static final String BEARER = "bearer";

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
