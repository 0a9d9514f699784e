package vn.motcua.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** An officer account as administrators see it; roles are the officer roles only. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UserJson(
        String id,
        String username,
        @Nullable String email,
        @Nullable String firstName,
        @Nullable String lastName,
        boolean enabled,
        @Nullable String unitCode,
        List<String> roles) {

    static UserJson from(Account account) {
        return new UserJson(
                account.id(),
                account.username(),
                account.email(),
                account.firstName(),
                account.lastName(),
                account.enabled(),
                account.unitCode(),
                AdminRules.officerRoles(account.roles()));
    }

    @Serdeable
    public record Users(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<UserJson> users) {}

    /**
     * Body of POST /api/v1/admin/users. password is the initial password; with temporaryPassword (default true) the
     * user must change it at the first interactive login (and cannot use the password grant before that).
     */
    @Serdeable
    public record Create(
            @Nullable String username,
            @Nullable String email,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String unitCode,
            @Nullable String role,
            @Nullable String password,
            @Nullable Boolean temporaryPassword) {

        @Override
        public String toString() {
            return "Create[" + username + ", unit=" + unitCode + ", role=" + role + "]";
        }
    }

    /** Body of POST /api/v1/admin/users/{id}/reset-password; temporary defaults to true. */
    @Serdeable
    public record PasswordReset(
            @Nullable String password, @Nullable Boolean temporary) {

        @Override
        public String toString() {
            return "PasswordReset[temporary=" + temporary + "]";
        }
    }

    /** Body of PUT /api/v1/admin/users/{id}/roles: the complete set of officer roles the user should have. */
    @Serdeable
    public record RoleSet(@Nullable List<String> roles) {}
}
