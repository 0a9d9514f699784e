package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * A user account as the identity provider holds it, reduced to what administration needs.
 *
 * @param unitCode       the user-profile attribute unit_code; null for citizens and most machines
 * @param roles          the realm roles mapped directly to the user
 * @param serviceAccount a client's service-account user (never administered here)
 */
public record Account(
        String id,
        String username,
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        boolean enabled,
        @Nullable String unitCode,
        Set<String> roles,
        boolean serviceAccount) {

    public Account {
        roles = Set.copyOf(roles);
    }
}
