package vn.motcua.dossier.forms;

import java.util.Objects;

/** The person or organisation that filed the dossier. Phone and email are optional. */
public record Applicant(String name, String address, String phone, String email) {
    public Applicant {
        Objects.requireNonNull(name, "applicant name");
    }
}
