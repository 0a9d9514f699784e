package vn.motcua.payment.payment.domain;

import java.util.Set;

/**
 * Who reaches a payment (brief, shared decisions): the citizen whose citizen id is the payer's, and officers whose
 * unit is the payment's unit or one of its ancestors (the stored unit path). Everything else is NOT_FOUND.
 */
public final class PaymentAccess {

    /** Officers who read payments and receipts of their subtree. */
    public static final Set<String> READERS =
            Set.of("reception_officer", "specialist", "unit_leader", "clerk", "report_viewer");

    /** Officers who record counter payments, cancel and refund. */
    public static final Set<String> CASHIERS = Set.of("reception_officer");

    private PaymentAccess() {}

    public static boolean payer(Payment p, Set<String> roles, String citizenId) {
        return roles.contains("citizen")
                && citizenId != null
                && !citizenId.isBlank()
                && citizenId.equals(p.payerCitizenId());
    }

    public static boolean officerInScope(Payment p, Set<String> roles, Set<String> allowedRoles, String unitCode) {
        return unitCode != null
                && roles.stream().anyMatch(allowedRoles::contains)
                && p.unitPath().contains(unitCode);
    }

    public static boolean mayRead(Payment p, Set<String> roles, String unitCode, String citizenId) {
        return payer(p, roles, citizenId) || officerInScope(p, roles, READERS, unitCode);
    }
}
