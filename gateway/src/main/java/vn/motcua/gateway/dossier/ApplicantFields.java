package vn.motcua.gateway.dossier;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import vn.motcua.proto.dossier.v1.Applicant;

/**
 * The applicant object of a dossier, the same at the counter (reception) and online (citizen submission): its JSON
 * field names. What a valid name, citizen id, phone, e-mail or address is, is dossier-service's rule (FieldChecks);
 * its violations come back as {@code applicant.*} with these names. The citizen id is never echoed back: it is
 * personal data.
 */
final class ApplicantFields {

    static final Set<String> NAMES = Set.of("fullName", "citizenId", "phone", "email", "address");

    private ApplicantFields() {}

    /**
     * @param value the string value of an applicant field by name, null when absent (the caller reports a value of
     *              the wrong JSON type itself). Whether the citizen id is required (at the counter and by post, not
     *              online, where it comes from the token) is the service's rule too (ReceiveCommandValidator).
     */
    static Applicant read(UnaryOperator<String> value) {
        Applicant.Builder applicant = Applicant.newBuilder();
        set(value.apply("fullName"), applicant::setFullName);
        set(value.apply("citizenId"), applicant::setCitizenId);
        set(value.apply("phone"), applicant::setPhone);
        set(value.apply("email"), applicant::setEmail);
        set(value.apply("address"), applicant::setAddress);
        return applicant.build();
    }

    private static void set(String value, Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
