package vn.motcua.gateway.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserDirectory} on Keycloak's admin REST API (keycloak-admin-client), signed in as the gateway's own service
 * account: client {@code motcua.gateway.keycloak.client-id} (motcua-gateway-admin) with the client-credentials grant
 * and the realm-management role manage-users, which implies viewing and querying users
 * (deploy/keycloak/realm-motcua.json). That client logs nobody in and its secret is in the gateway's environment
 * only; the login client motcua-gateway, whose secret API clients hold, has no service account. The client is built
 * on first use, so the gateway starts without Keycloak.
 * <p>
 * Keycloak facts this relies on: unit_code is declared in the realm's user profile (else the admin API drops it);
 * a user needs email, first and last name to log in; a PUT of a user replaces its attributes, so updates send the
 * whole current representation back.
 */
@Singleton
public class KeycloakUserDirectory implements UserDirectory, AutoCloseable {

    static final String UNIT_CODE = "unit_code";
    private static final Logger LOG = LoggerFactory.getLogger(KeycloakUserDirectory.class);
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final String serverUrl;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private volatile Keycloak keycloak;

    public KeycloakUserDirectory(
            @Value("${motcua.auth.issuer}") String issuer,
            @Value("${motcua.gateway.keycloak.server-url:}") String serverUrl,
            @Value("${motcua.gateway.keycloak.realm:motcua}") String realm,
            @Value("${motcua.gateway.keycloak.client-id:motcua-gateway-admin}") String clientId,
            @Value("${motcua.gateway.keycloak.client-secret:}") String clientSecret,
            @Value("${motcua.gateway.keycloak.connect-timeout:5s}") Duration connectTimeout,
            @Value("${motcua.gateway.keycloak.read-timeout:10s}") Duration readTimeout) {
        this.serverUrl = serverUrl == null || serverUrl.isBlank() ? serverUrlOf(issuer) : serverUrl;
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** {@code http://host:port/realms/motcua} becomes {@code http://host:port}. */
    static String serverUrlOf(String issuer) {
        int realms = issuer.indexOf("/realms/");
        return realms >= 0 ? issuer.substring(0, realms) : issuer;
    }

    @Override
    public String create(NewAccount account) {
        return call("create user", () -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(account.username());
            user.setEmail(account.email());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEnabled(true);
            user.setEmailVerified(true);
            user.setAttributes(Map.of(UNIT_CODE, List.of(account.unitCode())));
            user.setCredentials(List.of(password(account.password(), account.temporaryPassword())));
            String id;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw new DirectoryException(
                            DirectoryException.Kind.CONFLICT, "a user with this username or email exists", null);
                }
                if (response.getStatus() == 400) {
                    throw new DirectoryException(DirectoryException.Kind.REJECTED, errorMessage(response), null);
                }
                id = CreatedResponseUtil.getCreatedId(response);
            }
            try {
                RoleScopeResource roles = realm().users().get(id).roles().realmLevel();
                roles.add(pick(roles.listAvailable(), Set.of(account.role())));
            } catch (RuntimeException e) {
                // no half-made accounts: an account without its role is removed again
                try {
                    realm().users().delete(id).close();
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return id;
        });
    }

    @Override
    public List<Account> listByUnits(Collection<String> unitCodes, int max) {
        return call("list users", () -> {
            List<Account> accounts = new ArrayList<>();
            for (String unit : unitCodes) {
                int remaining = max - accounts.size();
                if (remaining <= 0) {
                    break;
                }
                // exact match on the declared attribute; full representations carry the attributes
                List<UserRepresentation> users =
                        realm().users().searchByAttributes(0, remaining, null, true, false, UNIT_CODE + ":" + unit);
                for (UserRepresentation user : users) {
                    if (!isServiceAccount(user) && unit.equals(unitOf(user))) {
                        accounts.add(account(user, realmRoles(user.getId())));
                    }
                }
            }
            return accounts;
        });
    }

    @Override
    public Optional<Account> find(String id) {
        return call("find user", () -> {
            try {
                UserRepresentation user = realm().users().get(id).toRepresentation();
                return Optional.of(account(user, realmRoles(id)));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void disable(String id) {
        call("disable user", () -> {
            UserResource resource = realm().users().get(id);
            // the whole current representation goes back: a PUT replaces attributes (unit_code) and profile fields
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(false);
            resource.update(user);
            resource.logout();
            return null;
        });
    }

    @Override
    public void resetPassword(String id, String password, boolean temporary) {
        call("reset password", () -> {
            realm().users().get(id).resetPassword(password(password, temporary));
            return null;
        });
    }

    @Override
    public void changeRealmRoles(String id, Set<String> add, Set<String> remove) {
        call("change roles", () -> {
            RoleScopeResource roles = realm().users().get(id).roles().realmLevel();
            if (!remove.isEmpty()) {
                // only roles the user has directly can be taken away; others are already gone
                List<RoleRepresentation> held = roles.listAll().stream()
                        .filter(r -> remove.contains(r.getName()))
                        .toList();
                if (!held.isEmpty()) {
                    roles.remove(held);
                }
            }
            if (!add.isEmpty()) {
                Set<String> missing = new LinkedHashSet<>(add);
                roles.listAll().forEach(r -> missing.remove(r.getName()));
                if (!missing.isEmpty()) {
                    roles.add(pick(roles.listAvailable(), missing));
                }
            }
            return null;
        });
    }

    @Override
    @PreDestroy
    public void close() {
        Keycloak client = keycloak;
        if (client != null) {
            client.close();
        }
    }

    private Account account(UserRepresentation user, Set<String> roles) {
        return new Account(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                Boolean.TRUE.equals(user.isEnabled()),
                unitOf(user),
                roles,
                isServiceAccount(user));
    }

    private Set<String> realmRoles(String id) {
        Set<String> names = new LinkedHashSet<>();
        realm().users().get(id).roles().realmLevel().listAll().forEach(r -> names.add(r.getName()));
        return names;
    }

    /**
     * The named roles out of a role-mapping list. Roles are looked up through the user's role mappings
     * (…/role-mappings/realm/available), which manage-users may read; the realm's role endpoints would need
     * view-realm, which the gateway's service account deliberately lacks.
     */
    private static List<RoleRepresentation> pick(List<RoleRepresentation> candidates, Set<String> names) {
        List<RoleRepresentation> picked =
                candidates.stream().filter(r -> names.contains(r.getName())).toList();
        if (picked.size() != names.size()) {
            throw new DirectoryException(DirectoryException.Kind.REJECTED, "unknown realm role among " + names, null);
        }
        return picked;
    }

    @Nullable
    private static String unitOf(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get(UNIT_CODE);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean isServiceAccount(UserRepresentation user) {
        return user.getServiceAccountClientId() != null
                || (user.getUsername() != null && user.getUsername().startsWith(SERVICE_ACCOUNT_PREFIX));
    }

    private static CredentialRepresentation password(String value, boolean temporary) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(value);
        credential.setTemporary(temporary);
        return credential;
    }

    private static String errorMessage(Response response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> body = response.readEntity(HashMap.class);
            Object message = body == null ? null : body.getOrDefault("errorMessage", body.get("error"));
            return message == null ? "the identity provider refused the values" : String.valueOf(message);
        } catch (RuntimeException e) {
            return "the identity provider refused the values";
        }
    }

    /** Runs one admin-API interaction; transport and authorization failures become UNAVAILABLE. */
    private <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (DirectoryException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 409) {
                throw new DirectoryException(DirectoryException.Kind.CONFLICT, "conflict", e);
            }
            if (status == 400) {
                throw new DirectoryException(DirectoryException.Kind.REJECTED, errorMessage(e.getResponse()), e);
            }
            LOG.warn("Keycloak admin API: {} failed with HTTP {}", what, status);
            throw new DirectoryException(DirectoryException.Kind.UNAVAILABLE, what + " failed", e);
        } catch (ProcessingException | IllegalStateException e) {
            LOG.warn("Keycloak admin API: {} failed: {}", what, e.toString());
            throw new DirectoryException(DirectoryException.Kind.UNAVAILABLE, what + " failed", e);
        }
    }

    private RealmResource realm() {
        return client().realm(realm);
    }

    private Keycloak client() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                client = keycloak;
                if (client == null) {
                    if (clientSecret == null || clientSecret.isBlank()) {
                        throw new DirectoryException(
                                DirectoryException.Kind.UNAVAILABLE,
                                "no client secret for the gateway's service account "
                                        + "(MOTCUA_SERVICE_ACCOUNT_CLIENT_SECRET)",
                                null);
                    }
                    ResteasyClientBuilder http = (ResteasyClientBuilder) ClientBuilder.newBuilder();
                    http.connectionPoolSize(10)
                            .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .register(JacksonProvider.class, 100);
                    client = KeycloakBuilder.builder()
                            .serverUrl(serverUrl)
                            .realm(realm)
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(clientId)
                            .clientSecret(clientSecret)
                            .resteasyClient(http.build())
                            .build();
                    keycloak = client;
                }
            }
        }
        return client;
    }
}
