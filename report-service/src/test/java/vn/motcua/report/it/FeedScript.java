package vn.motcua.report.it;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.digitization.v1.DigitizationChanged;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierChanged;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.dossier.v1.LegalRegime;
import vn.motcua.proto.dossier.v1.ProcedurePublished;
import vn.motcua.proto.dossier.v1.UnitCreated;
import vn.motcua.proto.feedback.v1.FeedbackChanged;
import vn.motcua.proto.feedback.v1.FeedbackState;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.proto.payment.v1.PaymentChannel;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.report.reception.domain.LocalDates;

/**
 * Writes feed events the way the producers do, for the projection ITs: one script per producer (seqs 1, 2, ...),
 * dossiers played as {@link Dossier}s whose every event carries the whole picture (DossierChanged). Times are Hanoi
 * wall-clock times ("2026-03-02 08:00").
 */
public final class FeedScript {

    public static final String DOSSIER_SOURCE = "dossier-service";
    public static final String PAYMENT_SOURCE = "payment-service";
    public static final String DIGITIZATION_SOURCE = "digitization-service";

    private final String source;
    private final List<FeedEvent> events = new ArrayList<>();

    public FeedScript(String source) {
        this.source = source;
    }

    public List<FeedEvent> events() {
        return List.copyOf(events);
    }

    public String source() {
        return source;
    }

    public static Timestamp at(String hanoi) {
        Instant i = instant(hanoi);
        return Timestamp.newBuilder()
                .setSeconds(i.getEpochSecond())
                .setNanos(i.getNano())
                .build();
    }

    public static Instant instant(String hanoi) {
        String text = hanoi.length() == 16 ? hanoi + ":00" : hanoi;
        return LocalDateTime.parse(text.replace(' ', 'T'))
                .atZone(LocalDates.ZONE)
                .toInstant();
    }

    public FeedEvent append(String aggregateType, String aggregateId, String eventType, String unit, Message payload) {
        FeedEvent e = new FeedEvent(
                UUID.randomUUID().toString(),
                events.size() + 1L,
                source,
                aggregateType,
                aggregateId,
                eventType,
                Instant.parse("2026-03-01T00:00:00Z").plusSeconds(events.size()),
                unit,
                Any.pack(payload));
        events.add(e);
        return e;
    }

    public void unit(String code, String name, UnitLevel level, String parent) {
        UnitCreated.Builder b = UnitCreated.newBuilder()
                .setCode(code)
                .setName(name)
                .setLevel(level)
                .setAgencyCode("H30." + code)
                .setValidFrom("2025-07-01");
        if (parent != null) {
            b.setParentCode(parent);
        }
        append("unit", code, "unit.created", parent == null ? code : parent, b.build());
    }

    public void procedure(String code, int version, String field, boolean paperResult) {
        append(
                "procedure",
                code,
                "procedure.published",
                "30",
                ProcedurePublished.newBuilder()
                        .setCode(code)
                        .setVersion(version)
                        .setName("Thủ tục " + code)
                        .setField(field)
                        .setLevel(UnitLevel.UNIT_LEVEL_COMMUNE)
                        .setRequiresPaperResult(paperResult)
                        .build());
    }

    public void payment(String id, String dossierCode, PaymentStatus status, String paidAt) {
        PaymentChanged.Builder b = PaymentChanged.newBuilder()
                .setId(id)
                .setDossierCode(dossierCode)
                .setUnitCode("11077")
                .setProcedureCode("2.000001")
                .setStatus(status)
                .setAmount(Money.newBuilder().setAmount(100_000).setCurrencyCode("VND"))
                .setCreatedAt(at("2026-03-02 10:00"));
        if (paidAt != null) {
            b.setChannel(PaymentChannel.PAYMENT_CHANNEL_ONLINE).setPaidAt(at(paidAt));
        }
        String type = status == PaymentStatus.PAYMENT_STATUS_PAID ? "payment.paid" : "payment.requested";
        append("payment", id, type, "11077", b.build());
    }

    public void digitization(String dossierCode, boolean componentsComplete, boolean resultElectronic, String at) {
        digitization(dossierCode, dossierCode, componentsComplete, resultElectronic, at);
    }

    /** @param dossierKey the aggregate id: the dossier's stable key (the dossier feed's aggregate id) */
    public void digitization(
            String dossierKey, String dossierCode, boolean componentsComplete, boolean resultElectronic, String at) {
        append(
                "dossier_digitization",
                dossierKey,
                resultElectronic ? "digitization.result_attached" : "digitization.component_digitized",
                "11077",
                DigitizationChanged.newBuilder()
                        .setDossierCode(dossierCode)
                        .setReceivingUnitCode("11077")
                        .setComponentsComplete(componentsComplete)
                        .setResultElectronic(resultElectronic)
                        .setOccurredAt(at(at))
                        .build());
    }

    public void feedback(String id, String unit, String dossierCode, String receivedAt) {
        append(
                "feedback",
                id,
                "feedback.received",
                unit,
                FeedbackChanged.newBuilder()
                        .setId(id)
                        .setEvent("RECEIVE")
                        .setUnitCode(unit)
                        .addAllUnitPath(List.of("30", "298", unit))
                        .setIntake("CITIZEN_ONLINE")
                        .setDossierCode(dossierCode)
                        .setState(FeedbackState.FEEDBACK_STATE_RECEIVED)
                        .setReceivedAt(at(receivedAt))
                        .build());
    }

    /** A dossier as dossier-service sees it; each call writes one event with the whole picture after it. */
    public Dossier dossier(String aggregateId, String code, String unit, String procedure, Channel channel) {
        return new Dossier(aggregateId, code, unit, procedure, channel);
    }

    public final class Dossier {
        private final String aggregateId;
        private final DossierChanged.Builder picture;

        Dossier(String aggregateId, String code, String unit, String procedure, Channel channel) {
            this.aggregateId = aggregateId;
            this.picture = DossierChanged.newBuilder()
                    .setCode(code)
                    .setReceivingUnitCode(unit)
                    .addAllUnitPath(List.of("30", "298", unit))
                    .setCompetentUnitCode(unit)
                    .setHandlingUnitCode(unit)
                    .setProcedureCode(procedure)
                    .setProcedureVersion(1)
                    .setChannel(channel)
                    .setLegalRegime(LegalRegime.LEGAL_REGIME_2025);
        }

        public String code() {
            return picture.getCode();
        }

        private Dossier emit(String type, String cause, DossierStatus state) {
            picture.setFromState(picture.getState()).setState(state).setEvent(cause);
            append("dossier", aggregateId, type, picture.getReceivingUnitCode(), picture.build());
            picture.clearDetail();
            return this;
        }

        public Dossier submitted(String at) {
            picture.setSubmittedAt(at(at)).setSubmissionReference(picture.getCode());
            return emit("dossier.submitted", "SUBMIT_ONLINE", DossierStatus.DOSSIER_STATUS_SUBMITTED);
        }

        public Dossier preSupplement() {
            return emit(
                    "dossier.pre_supplement_requested",
                    "REQUEST_PRE_SUPPLEMENT",
                    DossierStatus.DOSSIER_STATUS_PRE_SUPPLEMENT);
        }

        /** Received (at the counter, by post, or accepted online: then the legal code replaces the reference). */
        public Dossier received(String legalCode, String at, String due) {
            picture.setCode(legalCode)
                    .setReceivedAt(at(at))
                    .setOriginalDueAt(at(due))
                    .setDueAt(at(due));
            return emit("dossier.received", "ACCEPT", DossierStatus.DOSSIER_STATUS_RECEIVED);
        }

        public Dossier assigned(String username) {
            picture.setAssignee(username);
            return emit("dossier.assigned", "ASSIGN", DossierStatus.DOSSIER_STATUS_IN_PROCESS);
        }

        public Dossier supplementRequested(String at) {
            picture.addPauses(
                    DossierChanged.Pause.newBuilder().setKind("SUPPLEMENT").setStartedAt(at(at)));
            return emit(
                    "dossier.supplement_requested",
                    "REQUEST_SUPPLEMENT",
                    DossierStatus.DOSSIER_STATUS_SUPPLEMENT_REQUESTED);
        }

        public Dossier supplementReceived(String at) {
            int last = picture.getPausesCount() - 1;
            picture.setPauses(last, picture.getPauses(last).toBuilder().setEndedAt(at(at)));
            return emit("dossier.supplement_received", "SUPPLEMENT_RECEIVED", DossierStatus.DOSSIER_STATUS_IN_PROCESS);
        }

        public Dossier extended(String newDue) {
            picture.setDueAt(at(newDue)).setExtensionUsed(true);
            return emit("dossier.deadline_extended", "APOLOGISE_AND_EXTEND", DossierStatus.DOSSIER_STATUS_IN_PROCESS);
        }

        public Dossier issued(String at) {
            picture.setFinishedAt(at(at)).setResultKind("ISSUED");
            return emit("dossier.result_issued", "ISSUE_RESULT", DossierStatus.DOSSIER_STATUS_RESULT_READY);
        }

        public Dossier ended(String kind, DossierStatus state, String type, String at) {
            picture.setFinishedAt(at(at)).setResultKind(kind);
            return emit(type, kind, state);
        }

        public Dossier rejected(String at) {
            picture.setFinishedAt(at(at)).setResultKind("REJECTED");
            return emit("dossier.rejected", "REJECT", DossierStatus.DOSSIER_STATUS_REJECTED);
        }

        public Dossier rated(boolean satisfied, String at) {
            picture.setRating(DossierChanged.Rating.newBuilder()
                    .setTimeScore(2)
                    .setContactsScore(2)
                    .setAgenciesScore(2)
                    .setAttitudeScore(2)
                    .setSatisfied(satisfied)
                    .setRatedAt(at(at)));
            return emit("dossier.rated", "", picture.getState());
        }

        public Dossier postal() {
            picture.setChannel(Channel.CHANNEL_POSTAL);
            return this;
        }

        public Dossier path(String... path) {
            picture.clearUnitPath().addAllUnitPath(List.of(path));
            return this;
        }

        public Dossier version(int version) {
            picture.setProcedureVersion(version);
            return this;
        }
    }
}
