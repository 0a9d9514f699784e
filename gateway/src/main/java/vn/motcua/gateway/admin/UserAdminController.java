package vn.motcua.gateway.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.CallerAttribute;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.ErrorReason;

/**
 * Officer accounts, administered by unit_admin within their unit's subtree (rules: {@link AdminRules}). The gateway
 * acts on Keycloak with its own service account; every action, allowed or not, is audited ({@link AdminAudit}).
 * Accounts outside the administrator's reach are answered 404, as if they did not exist.
 */
@Controller("/api/v1/admin/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Access(AccessPolicy.UNIT_ADMIN)
public class UserAdminController {

    static final int DEFAULT_MAX = 100;
    static final int MAX_MAX = 500;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int NAME_MAX = 100;
    private static final int PASSWORD_MIN = 8;
    private static final int PASSWORD_MAX = 128;

    private final UserDirectory directory;
    private final UnitScopes scopes;
    private final AdminAudit audit;
    private final JsonMapper jsonMapper;

    public UserAdminController(UserDirectory directory, UnitScopes scopes, AdminAudit audit, JsonMapper jsonMapper) {
        this.directory = directory;
        this.scopes = scopes;
        this.audit = audit;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Unit administrator: create an officer account at their own unit or a unit below it, with one officer role
     * (unit_admin only below their own unit; never citizen) and an initial password.
     */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<UserJson> create(HttpRequest<?> request, @Nullable @Body String json) {
        UserJson.Create body = AdminRequests.create(jsonMapper, json);
        Violations violations = new Violations();
        String username = username(violations, body.username());
        String email = email(violations, body.email());
        String firstName = violations.text("firstName", body.firstName(), true, NAME_MAX);
        String lastName = violations.text("lastName", body.lastName(), true, NAME_MAX);
        String unit = violations.code("unitCode", body.unitCode(), true);
        String role = violations.text("role", body.role(), true, 64);
        String password = password(violations, "password", body.password());
        violations.throwIfAny();
        AdminRules.Admin admin = admin(request);
        List<String> roles = List.of(role);
        AdminRules.checkCreate(admin, unit, roles).ifPresent(refusal -> {
            audit.record(
                    request,
                    admin,
                    "USER_CREATE",
                    AdminAudit.Outcome.DENIED,
                    refusal.name(),
                    null,
                    username,
                    unit,
                    roles);
            throw refused(refusal);
        });
        boolean temporary = body.temporaryPassword() == null || body.temporaryPassword();
        NewAccount account = new NewAccount(username, email, firstName, lastName, unit, role, password, temporary);
        String id =
                audited(request, admin, "USER_CREATE", null, username, unit, roles, () -> directory.create(account));
        audit.record(request, admin, "USER_CREATE", AdminAudit.Outcome.OK, null, id, username, unit, roles);
        return HttpResponse.created(new UserJson(id, username, email, firstName, lastName, true, unit, roles));
    }

    /**
     * Unit administrator: the officer accounts of their unit and the units below it, or of one unit of that subtree
     * (unitCode); at most max (default 100, up to 500).
     */
    @Get
    public UserJson.Users list(
            HttpRequest<?> request, @Nullable @QueryValue String unitCode, @Nullable @QueryValue String max) {
        Violations violations = new Violations();
        String unit = violations.code("unitCode", unitCode, false);
        int limit = max(violations, max);
        violations.throwIfAny();
        AdminRules.Admin admin = admin(request);
        if (unit != null && !admin.inScope(unit)) {
            audit.record(
                    request,
                    admin,
                    "USER_LIST",
                    AdminAudit.Outcome.DENIED,
                    AdminRules.Refusal.UNIT_OUT_OF_SCOPE.name(),
                    null,
                    null,
                    unit,
                    List.of());
            throw refused(AdminRules.Refusal.UNIT_OUT_OF_SCOPE);
        }
        Collection<String> units = unit != null ? List.of(unit) : admin.scope();
        List<UserJson> users = audited(
                        request,
                        admin,
                        "USER_LIST",
                        null,
                        null,
                        unit,
                        List.of(),
                        () -> directory.listByUnits(units, limit))
                .stream()
                .filter(account ->
                        admin.inScope(account.unitCode()) && !account.roles().contains("citizen"))
                .map(UserJson::from)
                .toList();
        audit.record(
                request,
                admin,
                "USER_LIST",
                AdminAudit.Outcome.OK,
                null,
                null,
                null,
                unit != null ? unit : admin.unitCode(),
                List.of());
        return new UserJson.Users(users);
    }

    /** Unit administrator: disable an account of their subtree and end its sessions; it can no longer log in. */
    @Post("/{id}/disable")
    public UserJson disable(HttpRequest<?> request, @PathVariable String id) {
        AdminRules.Admin admin = admin(request);
        Account account = manageable(request, admin, "USER_DISABLE", id);
        audited(
                request,
                admin,
                "USER_DISABLE",
                account.id(),
                account.username(),
                account.unitCode(),
                AdminRules.officerRoles(account.roles()),
                () -> {
                    directory.disable(account.id());
                    return null;
                });
        audit.record(
                request,
                admin,
                "USER_DISABLE",
                AdminAudit.Outcome.OK,
                null,
                account.id(),
                account.username(),
                account.unitCode(),
                AdminRules.officerRoles(account.roles()));
        return UserJson.from(new Account(
                account.id(),
                account.username(),
                account.email(),
                account.firstName(),
                account.lastName(),
                false,
                account.unitCode(),
                account.roles(),
                false));
    }

    /** Unit administrator: set a new password for an account of their subtree (temporary by default). */
    @Post("/{id}/reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    public HttpResponse<Void> resetPassword(
            HttpRequest<?> request, @PathVariable String id, @Nullable @Body String json) {
        UserJson.PasswordReset body = AdminRequests.passwordReset(jsonMapper, json);
        Violations violations = new Violations();
        String password = password(violations, "password", body.password());
        violations.throwIfAny();
        AdminRules.Admin admin = admin(request);
        Account account = manageable(request, admin, "USER_RESET_PASSWORD", id);
        boolean temporary = body.temporary() == null || body.temporary();
        audited(
                request,
                admin,
                "USER_RESET_PASSWORD",
                account.id(),
                account.username(),
                account.unitCode(),
                List.of(),
                () -> {
                    directory.resetPassword(account.id(), password, temporary);
                    return null;
                });
        audit.record(
                request,
                admin,
                "USER_RESET_PASSWORD",
                AdminAudit.Outcome.OK,
                null,
                account.id(),
                account.username(),
                account.unitCode(),
                List.of());
        return HttpResponse.noContent();
    }

    /**
     * Unit administrator: replace the officer roles of an account of their subtree. Every role added or taken away must
     * be one they may grant at the account's unit.
     */
    @Put("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserJson setRoles(HttpRequest<?> request, @PathVariable String id, @Nullable @Body String json) {
        UserJson.RoleSet body = AdminRequests.roleSet(jsonMapper, json);
        Violations violations = new Violations();
        List<String> wanted = body.roles();
        if (wanted == null || wanted.isEmpty()) {
            violations.add("roles", "must name at least one role");
        } else if (wanted.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 64)) {
            violations.add("roles", "must be role names");
        }
        violations.throwIfAny();
        AdminRules.Admin admin = admin(request);
        Account account = manageable(request, admin, "USER_SET_ROLES", id);
        List<String> sortedWanted = wanted.stream().distinct().sorted().toList();
        AdminRules.RoleDecision decision = AdminRules.changeRoles(admin, account, sortedWanted);
        if (decision.refusal() != null) {
            audit.record(
                    request,
                    admin,
                    "USER_SET_ROLES",
                    AdminAudit.Outcome.DENIED,
                    decision.refusal().name(),
                    account.id(),
                    account.username(),
                    account.unitCode(),
                    sortedWanted);
            throw refused(decision.refusal());
        }
        AdminRules.RoleChange change = decision.change();
        audited(
                request,
                admin,
                "USER_SET_ROLES",
                account.id(),
                account.username(),
                account.unitCode(),
                sortedWanted,
                () -> {
                    directory.changeRealmRoles(account.id(), change.add(), change.remove());
                    return null;
                });
        audit.record(
                request,
                admin,
                "USER_SET_ROLES",
                AdminAudit.Outcome.OK,
                null,
                account.id(),
                account.username(),
                account.unitCode(),
                sortedWanted);
        Set<String> roles = new java.util.HashSet<>(account.roles());
        roles.removeAll(change.remove());
        roles.addAll(change.add());
        return UserJson.from(new Account(
                account.id(),
                account.username(),
                account.email(),
                account.firstName(),
                account.lastName(),
                account.enabled(),
                account.unitCode(),
                roles,
                false));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private AdminRules.Admin admin(HttpRequest<?> request) {
        // the UNIT_ADMIN policy guarantees a caller with a unit
        Caller caller = CallerAttribute.get(request).orElseThrow();
        String unit = caller.unit().orElseThrow();
        return new AdminRules.Admin(caller.subject(), caller.username(), unit, scopes.subtree(request, unit));
    }

    /** The account, if this administrator may manage it; otherwise 404 (and an audit line). */
    private Account manageable(HttpRequest<?> request, AdminRules.Admin admin, String action, String id) {
        if (!USER_ID.matcher(id).matches()) {
            throw notFound();
        }
        Account account = audited(request, admin, action, id, null, null, List.of(), () -> directory.find(id))
                .orElse(null);
        if (account == null || !AdminRules.canManage(admin, account)) {
            audit.record(
                    request,
                    admin,
                    action,
                    AdminAudit.Outcome.DENIED,
                    AdminRules.Refusal.NOT_MANAGEABLE.name(),
                    id,
                    null,
                    null,
                    List.of());
            throw notFound();
        }
        return account;
    }

    /** Runs a directory call; a failure is audited as FAILED and answered by {@link DirectoryExceptionHandler}. */
    private <T> T audited(
            HttpRequest<?> request,
            AdminRules.Admin admin,
            String action,
            @Nullable String targetId,
            @Nullable String targetUsername,
            @Nullable String unit,
            Collection<String> roles,
            Supplier<T> call) {
        try {
            return call.get();
        } catch (DirectoryException e) {
            audit.record(
                    request,
                    admin,
                    action,
                    AdminAudit.Outcome.FAILED,
                    e.kind().name(),
                    targetId,
                    targetUsername,
                    unit,
                    roles);
            throw e;
        }
    }

    private static ProblemException refused(AdminRules.Refusal refusal) {
        return switch (refusal) {
            case UNIT_OUT_OF_SCOPE ->
                new ProblemException(
                        HttpStatus.FORBIDDEN,
                        Reasons.UNIT_OUT_OF_SCOPE,
                        "the unit is not your unit or a unit below it",
                        List.of());
            case ROLE_NOT_GRANTABLE ->
                new ProblemException(
                        HttpStatus.FORBIDDEN,
                        Reasons.ROLE_NOT_GRANTABLE,
                        "you may not grant or take away this role at this unit",
                        List.of());
            case NOT_MANAGEABLE -> notFound();
        };
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, ErrorReason.NOT_FOUND.name(), "no such user", List.of());
    }

    @Nullable
    private static String username(Violations violations, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            violations.missing("username");
            return null;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(lower).matches()) {
            violations.add(
                    "username", "must be 3-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
            return null;
        }
        return lower;
    }

    @Nullable
    private static String email(Violations violations, @Nullable String value) {
        String email = violations.text("email", value, true, 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            violations.add("email", "must be an email address");
            return null;
        }
        return email;
    }

    @Nullable
    private static String password(Violations violations, String field, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            violations.missing(field);
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
            violations.add(field, "must be " + PASSWORD_MIN + "-" + PASSWORD_MAX + " characters");
            return null;
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            violations.add(field, "must not contain control characters");
            return null;
        }
        return value;
    }

    private static int max(Violations violations, @Nullable String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(value);
            if (max >= 1 && max <= MAX_MAX) {
                return max;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        violations.add("max", "must be a whole number from 1 to " + MAX_MAX);
        return DEFAULT_MAX;
    }
}
