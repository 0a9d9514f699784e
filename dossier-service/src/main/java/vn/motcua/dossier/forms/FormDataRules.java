package vn.motcua.dossier.forms;

/**
 * Which parts of {@link FormData} each form needs. Checked before rendering so a caller gets
 * a message naming the missing field instead of a PDF with blanks where the law requires a
 * value (e.g. a receipt without an appointment).
 */
final class FormDataRules {

    private FormDataRules() {}

    static void check(FormType type, FormRegime regime, FormData data) {
        if (type.perDossier() && data.dossier() == null) {
            throw missing(type, regime, "dossier");
        }
        switch (type) {
            case RECEIPT -> {
                if (data.dossier().dueAt() == null) {
                    throw missing(type, regime, "dossier.dueAt (appointment for the result)");
                }
            }
            case SUPPLEMENT_REQUEST, REFUSAL, STOP_NOTICE -> requireReasons(type, regime, data);
            case APOLOGY -> {
                requireReasons(type, regime, data);
                if (data.dossier().dueAt() == null) {
                    throw missing(type, regime, "dossier.dueAt (the missed appointment)");
                }
                if (data.newAppointmentAt() == null) {
                    throw missing(type, regime, "newAppointmentAt");
                }
                if (!data.newAppointmentAt().isAfter(data.dossier().dueAt())) {
                    throw new IllegalArgumentException(type + ": newAppointmentAt "
                            + data.newAppointmentAt() + " must be after the missed appointment "
                            + data.dossier().dueAt());
                }
            }
            case TRACKING_REGISTER -> {
                if (data.register() == null) {
                    throw missing(type, regime, "register");
                }
            }
            default -> {
                // CONTROL_SLIP: hand-over rows are optional; blank rows are printed instead.
            }
        }
    }

    private static void requireReasons(FormType type, FormRegime regime, FormData data) {
        if (data.reasons() == null || data.reasons().isBlank()) {
            throw missing(type, regime, "reasons");
        }
    }

    private static IllegalArgumentException missing(FormType type, FormRegime regime, String what) {
        return new IllegalArgumentException(type + " (" + type.formLabel(regime) + ", " + regime + ") needs " + what);
    }
}
