package vn.motcua.gateway.security;

import java.util.Locale;
import vn.motcua.platform.auth.Caller;

/**
 * Tells a client-credentials (service account) token from a person's. Keycloak names a client's service-account user
 * {@code service-account-<client id>} (lower-cased) and reserves that prefix, and such tokens are issued to that same
 * client (azp), so both must agree.
 */
public final class MachineCallers {

    private static final String PREFIX = "service-account-";

    private MachineCallers() {}

    public static boolean isMachine(Caller caller) {
        String username = caller.username();
        String client = caller.clientId();
        return username != null
                && client != null
                && !client.isBlank()
                && username.equalsIgnoreCase(PREFIX + client.toLowerCase(Locale.ROOT));
    }
}
