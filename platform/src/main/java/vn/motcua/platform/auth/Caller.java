package vn.motcua.platform.auth;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as proven by the bearer token. Scope decisions are made from this only, never from request fields.
 *
 * @param subject   token subject (Keycloak user or service-account id)
 * @param username  preferred_username, for audit trails
 * @param roles     realm roles from realm_access.roles
 * @param unitCode  administrative unit of an officer (user-profile attribute unit_code), null for citizens
 * @param citizenId CCCD of a citizen (user-profile attribute citizen_id), null for officers
 * @param clientId  the OAuth client the token was issued to (azp)
 * @param token     the raw bearer token, forwarded unchanged on service-to-service calls
 */
public record Caller(
        String subject,
        String username,
        Set<String> roles,
        String unitCode,
        String citizenId,
        String clientId,
        String token) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    public Optional<String> unit() {
        return Optional.ofNullable(unitCode).filter(s -> !s.isBlank());
    }

    public Optional<String> citizen() {
        return Optional.ofNullable(citizenId).filter(s -> !s.isBlank());
    }

    @Override
    public String toString() {
        // never print the token or the citizen id into logs
        return "Caller[" + username + ", roles=" + roles + ", unit=" + unitCode + ", client=" + clientId + "]";
    }
}
