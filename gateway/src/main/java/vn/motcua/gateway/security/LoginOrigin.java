package vn.motcua.gateway.security;

/**
 * The identity provider's origin that a browser page served here may connect to (Content-Security-Policy), provided
 * by the console's settings; an interface so that {@code security} does not depend on {@code console}.
 */
public interface LoginOrigin {

    /** scheme://host[:port] of Keycloak as the browser reaches it. */
    String keycloakOrigin();
}
