package vn.motcua.gateway.admin;

/** An officer account to create: one realm role, the unit as unit_code, and an initial password. */
public record NewAccount(
        String username,
        String email,
        String firstName,
        String lastName,
        String unitCode,
        String role,
        String password,
        boolean temporaryPassword) {

    @Override
    public String toString() {
        // never print the password
        return "NewAccount[" + username + ", unit=" + unitCode + ", role=" + role + "]";
    }
}
