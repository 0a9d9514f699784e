package vn.motcua.gateway.dossier;

import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.Applicant;

import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The applicant object of a dossier, the same at the counter (reception) and online (citizen submission): field
 * names, lengths and formats, reported under {@code applicant.*}. The citizen id is never echoed back: it is
 * personal data.
 */
final class ApplicantFields {

    static final Set<String> NAMES = Set.of("fullName", "citizenId", "phone", "email", "address");
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 500;
    private static final Pattern CITIZEN_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .()-]{5,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ApplicantFields() {
    }

    /**
     * @param value             the string value of an applicant field by name, null when absent (the caller reports
     *                          a value of the wrong JSON type itself)
     * @param citizenIdRequired at the counter the officer must record it; online it comes from the token
     */
    static Applicant read(UnaryOperator<String> value, boolean citizenIdRequired, Violations violations) {
        Applicant.Builder applicant = Applicant.newBuilder();
        String fullName = violations.text("applicant.fullName", value.apply("fullName"), true, NAME_MAX);
        if (fullName != null) {
            applicant.setFullName(fullName);
        }
        String citizenId = value.apply("citizenId");
        if (citizenId == null || citizenId.isEmpty()) {
            if (citizenIdRequired) {
                violations.missing("applicant.citizenId");
            }
        } else if (CITIZEN_ID.matcher(citizenId).matches()) {
            applicant.setCitizenId(citizenId);
        } else {
            violations.add("applicant.citizenId", "must be exactly 12 digits");
        }
        String phone = violations.text("applicant.phone", value.apply("phone"), false, NAME_MAX);
        if (phone != null) {
            if (PHONE.matcher(phone).matches()) {
                applicant.setPhone(phone);
            } else {
                violations.add("applicant.phone", "must be a phone number of 6-20 digits");
            }
        }
        String email = violations.text("applicant.email", value.apply("email"), false, NAME_MAX);
        if (email != null) {
            if (EMAIL.matcher(email).matches()) {
                applicant.setEmail(email);
            } else {
                violations.add("applicant.email", "must be an e-mail address");
            }
        }
        String address = violations.text("applicant.address", value.apply("address"), false, ADDRESS_MAX);
        if (address != null) {
            applicant.setAddress(address);
        }
        return applicant.build();
    }
}
