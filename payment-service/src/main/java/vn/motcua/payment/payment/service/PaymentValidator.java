package vn.motcua.payment.payment.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Field checks of payment requests: every violation collected, reported at once as INVALID_ARGUMENT. */
final class PaymentValidator {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    static final Pattern UNIT = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    // compiled once, not per request: a citizen id (CMND 9 digits, CCCD 12) and an IPv4 or IPv6 address as text
    static final Pattern CITIZEN_ID = Pattern.compile("[0-9]{9,12}");
    static final Pattern CLIENT_IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final List<FieldViolation> violations = new ArrayList<>();

    static PaymentValidator start() {
        return new PaymentValidator();
    }

    PaymentValidator text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (value.length() > max) {
            violations.add(new FieldViolation(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violations.add(new FieldViolation(field, "must not contain control characters"));
        }
        return this;
    }

    PaymentValidator matches(String field, String value, Pattern pattern, boolean required) {
        if (value == null || value.isEmpty()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (!pattern.matcher(value).matches()) {
            violations.add(new FieldViolation(field, "is not valid"));
        }
        return this;
    }

    PaymentValidator check(boolean ok, String field, String description) {
        if (!ok) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    /** An amount in đồng: VND or no currency, 1 đồng up to a trillion. */
    PaymentValidator amount(String field, long amount, String currency, boolean present) {
        if (!present) {
            violations.add(new FieldViolation(field, "is required"));
            return this;
        }
        if (!currency.isEmpty() && !"VND".equals(currency)) {
            violations.add(new FieldViolation(field + ".currency_code", "must be VND"));
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            violations.add(new FieldViolation(field + ".amount", "must be between 1 and " + MAX_AMOUNT + " đồng"));
        }
        return this;
    }

    void done() {
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
    }
}
