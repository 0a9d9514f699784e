package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.LookupDossierStatusResponse;

/** The public, non-personal status of a dossier: no applicant, no citizen id. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DossierStatusJson(
        String code,
        String procedureName,
        String receivingUnitName,
        @Nullable String status,
        String statusLabel,
        @Nullable String receivedAt,
        @Nullable String dueAt,
        @Nullable String finishedAt) {

    static DossierStatusJson from(LookupDossierStatusResponse r) {
        return new DossierStatusJson(
                r.getCode(),
                r.getProcedureName(),
                r.getReceivingUnitName(),
                ProtoValues.enumName(r.getStatus(), "DOSSIER_STATUS_"),
                r.getStatusLabel(),
                ProtoValues.instant(r.hasReceivedAt(), r.getReceivedAt()),
                ProtoValues.instant(r.hasDueAt(), r.getDueAt()),
                ProtoValues.instant(r.hasFinishedAt(), r.getFinishedAt()));
    }
}
