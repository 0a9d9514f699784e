package vn.motcua.dossier.dossier.grpc;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.DossierStatus;

/** Mapping between the dossier domain and its proto messages, shared by the dossier gRPC adapters. */
final class DossierMessages {

    private DossierMessages() {}

    /** Times not reached yet (an online dossier before acceptance, an open one) are left unset. */
    static vn.motcua.proto.dossier.v1.Dossier dossier(Dossier d) {
        vn.motcua.proto.dossier.v1.Dossier.Builder b = vn.motcua.proto.dossier.v1.Dossier.newBuilder()
                .setCode(d.publicCode())
                .setSubmissionReference(nz(d.submissionReference()))
                .setLegalRegime(regime(d.regime()))
                .setProcedureCode(d.procedureCode())
                .setProcedureVersion(d.procedureVersion())
                .setProcedureName(d.procedureName())
                .setReceivingUnitCode(d.receivingUnitCode())
                .setCompetentUnitCode(d.competentUnitCode())
                .setStatus(status(d.state()))
                .setStatusLabel(d.state().labelVi())
                .setChannel(channel(d.channel()))
                .setApplicant(Applicant.newBuilder()
                        .setFullName(nz(d.applicant().fullName()))
                        .setCitizenId(nz(d.applicant().citizenId()))
                        .setPhone(nz(d.applicant().phone()))
                        .setEmail(nz(d.applicant().email()))
                        .setAddress(nz(d.applicant().address())))
                .setNote(nz(d.note()))
                .setRevision(d.revision())
                .setLookupKey(nz(d.lookupKey()));
        if (d.receivedAt() != null) {
            b.setReceivedAt(timestamp(d.receivedAt()));
        }
        if (d.dueAt() != null) {
            b.setDueAt(timestamp(d.dueAt()));
        }
        if (d.finishedAt() != null) {
            b.setFinishedAt(timestamp(d.finishedAt()));
        }
        return b.build();
    }

    static DossierStatus status(DossierState state) {
        return DossierStatus.valueOf("DOSSIER_STATUS_" + state.name());
    }

    static vn.motcua.proto.dossier.v1.Channel channel(Channel channel) {
        return vn.motcua.proto.dossier.v1.Channel.valueOf("CHANNEL_" + channel.name());
    }

    /** @return null for CHANNEL_UNSPECIFIED (and unknown values), which validators report as missing */
    static Channel channel(vn.motcua.proto.dossier.v1.Channel channel) {
        return switch (channel) {
            case CHANNEL_COUNTER -> Channel.COUNTER;
            case CHANNEL_ONLINE -> Channel.ONLINE;
            case CHANNEL_POSTAL -> Channel.POSTAL;
            default -> null;
        };
    }

    static vn.motcua.dossier.dossier.domain.Applicant applicant(Applicant a) {
        return new vn.motcua.dossier.dossier.domain.Applicant(
                a.getFullName(),
                emptyToNull(a.getCitizenId()),
                emptyToNull(a.getPhone()),
                emptyToNull(a.getEmail()),
                emptyToNull(a.getAddress()));
    }

    static vn.motcua.proto.dossier.v1.DeadlineState deadlineState(DeadlineState state) {
        if (state == null) {
            return vn.motcua.proto.dossier.v1.DeadlineState.DEADLINE_STATE_UNSPECIFIED;
        }
        return switch (state) {
            case IN_TIME -> vn.motcua.proto.dossier.v1.DeadlineState.DEADLINE_STATE_IN_TIME;
            case NEAR_DUE -> vn.motcua.proto.dossier.v1.DeadlineState.DEADLINE_STATE_NEAR_DUE;
            case OVERDUE -> vn.motcua.proto.dossier.v1.DeadlineState.DEADLINE_STATE_OVERDUE;
        };
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static vn.motcua.proto.dossier.v1.LegalRegime regime(vn.motcua.dossier.dossier.domain.LegalRegime regime) {
        return switch (regime) {
            case REGIME_2018 -> vn.motcua.proto.dossier.v1.LegalRegime.LEGAL_REGIME_2018;
            case REGIME_2025 -> vn.motcua.proto.dossier.v1.LegalRegime.LEGAL_REGIME_2025;
        };
    }
}
