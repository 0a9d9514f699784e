package vn.motcua.dossier.dossier.domain;

/** The person or organisation filing; personal data, never logged and never shown on public lookups. */
public record Applicant(String fullName, String citizenId, String phone, String email, String address) {}
