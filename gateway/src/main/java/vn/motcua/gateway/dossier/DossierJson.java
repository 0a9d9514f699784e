package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Dossier;

/**
 * A dossier (hồ sơ) as its authorised readers see it. status is the proto enum name without DOSSIER_STATUS_
 * (e.g. RECEIVED), channel without CHANNEL_ (COUNTER, ONLINE, POSTAL); instants are ISO-8601 UTC. lookupKey is
 * printed on the receipt and opens the public status lookup together with the code (null for old dossiers).
 * code is the dossier's current identifier: its submission reference (TN-YYMMDD-XXXXXXXXXX) until an officer accepts
 * it, its legal code after; submissionReference keeps the first one (null for a dossier received at once), and every
 * route taking {code} accepts either. legalRegime is REGIME_2018 or REGIME_2025, fixed when the dossier was filed: it
 * decides the form numbering and whether a stop exists.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DossierJson(
        String code,
        String procedureCode,
        int procedureVersion,
        String procedureName,
        String receivingUnitCode,
        String competentUnitCode,
        @Nullable String status,
        String statusLabel,
        @Nullable String channel,
        ApplicantJson applicant,
        @Nullable String receivedAt,
        @Nullable String dueAt,
        @Nullable String finishedAt,
        @Nullable String note,
        long revision,
        @Nullable String lookupKey,
        @Nullable String submissionReference,
        @Nullable String legalRegime)
        implements EntityTagged {

    static DossierJson from(Dossier d) {
        return new DossierJson(
                d.getCode(),
                d.getProcedureCode(),
                d.getProcedureVersion(),
                d.getProcedureName(),
                d.getReceivingUnitCode(),
                d.getCompetentUnitCode(),
                ProtoValues.enumName(d.getStatus(), "DOSSIER_STATUS_"),
                d.getStatusLabel(),
                ProtoValues.enumName(d.getChannel(), "CHANNEL_"),
                ApplicantJson.from(d.getApplicant()),
                ProtoValues.instant(d.hasReceivedAt(), d.getReceivedAt()),
                ProtoValues.instant(d.hasDueAt(), d.getDueAt()),
                ProtoValues.instant(d.hasFinishedAt(), d.getFinishedAt()),
                ProtoValues.text(d.getNote()),
                d.getRevision(),
                ProtoValues.text(d.getLookupKey()),
                ProtoValues.text(d.getSubmissionReference()),
                ProtoValues.enumName(d.getLegalRegime(), "LEGAL_"));
    }

    @Override
    public String entityTag() {
        return EntityTags.of(revision);
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ApplicantJson(
            String fullName,
            String citizenId,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address) {

        static ApplicantJson from(Applicant a) {
            return new ApplicantJson(
                    a.getFullName(),
                    a.getCitizenId(),
                    ProtoValues.text(a.getPhone()),
                    ProtoValues.text(a.getEmail()),
                    ProtoValues.text(a.getAddress()));
        }
    }
}
