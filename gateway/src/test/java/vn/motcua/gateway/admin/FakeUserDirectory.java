package vn.motcua.gateway.admin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-in for Keycloak in the gateway's route tests; records every call. */
@Singleton
@Replaces(KeycloakUserDirectory.class)
@Requires(property = "test.fake-user-directory", value = "true")
public class FakeUserDirectory implements UserDirectory {

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, String> passwords = new LinkedHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile DirectoryException failure;

    synchronized void reset() {
        accounts.clear();
        passwords.clear();
        calls.clear();
        failure = null;
    }

    synchronized Account put(String id, String username, String unit, boolean serviceAccount, String... roles) {
        Set<String> all = new HashSet<>(Set.of(roles));
        all.add("default-roles-motcua");
        Account account =
                new Account(id, username, username + "@motcua.local", "Tên", "Họ", true, unit, all, serviceAccount);
        accounts.put(id, account);
        return account;
    }

    synchronized Optional<Account> get(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    synchronized String password(String id) {
        return passwords.get(id);
    }

    private void maybeFail(String call) {
        calls.add(call);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public synchronized String create(NewAccount account) {
        maybeFail("create " + account.username());
        if (accounts.values().stream().anyMatch(a -> a.username().equals(account.username()))) {
            throw new DirectoryException(DirectoryException.Kind.CONFLICT, "exists", null);
        }
        String id = UUID.randomUUID().toString();
        accounts.put(
                id,
                new Account(
                        id,
                        account.username(),
                        account.email(),
                        account.firstName(),
                        account.lastName(),
                        true,
                        account.unitCode(),
                        Set.of(account.role(), "default-roles-motcua"),
                        false));
        passwords.put(id, account.password() + (account.temporaryPassword() ? " (temporary)" : ""));
        return id;
    }

    @Override
    public synchronized List<Account> listByUnits(Collection<String> unitCodes, int max) {
        maybeFail("list " + unitCodes);
        List<Account> found = new ArrayList<>();
        for (Account account : accounts.values()) {
            if (found.size() < max && !account.serviceAccount() && unitCodes.contains(account.unitCode())) {
                found.add(account);
            }
        }
        return found;
    }

    @Override
    public synchronized Optional<Account> find(String id) {
        maybeFail("find " + id);
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public synchronized void disable(String id) {
        maybeFail("disable " + id);
        Account a = accounts.get(id);
        accounts.put(
                id,
                new Account(
                        a.id(),
                        a.username(),
                        a.email(),
                        a.firstName(),
                        a.lastName(),
                        false,
                        a.unitCode(),
                        a.roles(),
                        a.serviceAccount()));
    }

    @Override
    public synchronized void resetPassword(String id, String password, boolean temporary) {
        maybeFail("reset-password " + id);
        passwords.put(id, password + (temporary ? " (temporary)" : ""));
    }

    @Override
    public synchronized void changeRealmRoles(String id, Set<String> add, Set<String> remove) {
        maybeFail("roles " + id + " +" + new java.util.TreeSet<>(add) + " -" + new java.util.TreeSet<>(remove));
        Account a = accounts.get(id);
        Set<String> roles = new HashSet<>(a.roles());
        roles.removeAll(remove);
        roles.addAll(add);
        accounts.put(
                id,
                new Account(
                        a.id(),
                        a.username(),
                        a.email(),
                        a.firstName(),
                        a.lastName(),
                        a.enabled(),
                        a.unitCode(),
                        roles,
                        a.serviceAccount()));
    }
}
