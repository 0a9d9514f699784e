package vn.motcua.gateway.admin;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider's user store, as user administration needs it. The Keycloak implementation talks to the admin
 * REST API with the gateway's own service account; tests replace it. Every method may throw
 * {@link DirectoryException}.
 */
public interface UserDirectory {

    /** Creates an enabled account with its role; returns the new user's id. */
    String create(NewAccount account);

    /** People (no service accounts) whose unit_code is one of the given units; at most {@code max} of them. */
    List<Account> listByUnits(Collection<String> unitCodes, int max);

    Optional<Account> find(String id);

    /** Disables the account and ends its sessions. */
    void disable(String id);

    void resetPassword(String id, String password, boolean temporary);

    /** Adds and removes realm roles; roles in neither set stay as they are. */
    void changeRealmRoles(String id, Set<String> add, Set<String> remove);
}
