package vn.motcua.digitization.stamp;

/**
 * What the QR stamp on a digitized document encodes (Circular 01/2023/TT-VPCP; domain.md 10.1): dossier code, TTHC
 * code, applicant ID number and document name.
 */
public record QrPayload(String dossierCode, String procedureCode, String applicantId, String documentName) {}
