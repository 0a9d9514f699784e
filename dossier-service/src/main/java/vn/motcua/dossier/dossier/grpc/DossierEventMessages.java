package vn.motcua.dossier.dossier.grpc;

import static vn.motcua.dossier.dossier.grpc.DossierMessages.channel;
import static vn.motcua.dossier.dossier.grpc.DossierMessages.deadlineState;
import static vn.motcua.dossier.dossier.grpc.DossierMessages.status;
import static vn.motcua.dossier.dossier.grpc.DossierMessages.timestamp;

import com.google.protobuf.Timestamp;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.domain.ResultKind;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.dossier.service.DossierFeed;
import vn.motcua.proto.dossier.v1.DossierChanged;

/** The dossier feed's payload, {@code motcua.dossier.v1.DossierChanged}; absent values are left unset. */
@Singleton
public class DossierEventMessages implements DossierFeed.Encoder {

    @Override
    public DossierChanged changed(
            String cause,
            Dossier d,
            DossierState from,
            Instant submittedAt,
            List<String> unitPath,
            List<PauseRepository.StoredPause> pauses,
            DossierFeed.Detail detail) {
        DossierChanged.Builder b = DossierChanged.newBuilder()
                .setCode(d.publicCode())
                .setSubmissionReference(d.submissionReference() == null ? "" : d.submissionReference())
                .setLegalRegime(DossierMessages.regime(d.regime()))
                .setFinishedLate(d.finishedAt() != null
                        && d.dueAt() != null
                        && d.finishedAt().isAfter(d.dueAt()))
                .setReceivingUnitCode(d.receivingUnitCode())
                .addAllUnitPath(unitPath)
                .setCompetentUnitCode(d.competentUnitCode())
                .setBoundaryFree(!d.receivingUnitCode().equals(d.competentUnitCode()))
                .setProcedureCode(d.procedureCode())
                .setProcedureVersion(d.procedureVersion())
                .setChannel(channel(d.channel()))
                .setState(status(d.state()))
                .setDvcqgStatus(d.state().dvcqgStatusCode())
                .setExtensionUsed(d.extensionUsed());
        if (cause != null) {
            b.setEvent(cause);
        }
        if (d.handlingUnitCode() != null) {
            b.setHandlingUnitCode(d.handlingUnitCode());
        }
        if (from != null) {
            b.setFromState(status(from));
        }
        setIfPresent(submittedAt, b::setSubmittedAt);
        setIfPresent(d.receivedAt(), b::setReceivedAt);
        setIfPresent(d.originalDueAt(), b::setOriginalDueAt);
        setIfPresent(d.dueAt(), b::setDueAt);
        setIfPresent(d.finishedAt(), b::setFinishedAt);
        for (PauseRepository.StoredPause p : pauses) {
            DossierChanged.Pause.Builder pause =
                    DossierChanged.Pause.newBuilder().setKind(p.kind()).setStartedAt(timestamp(p.startedAt()));
            setIfPresent(p.endedAt(), pause::setEndedAt);
            b.addPauses(pause);
        }
        ResultKind result = ResultKind.of(d.state());
        if (result != null) {
            b.setResultKind(result.name());
        }
        if (detail instanceof DossierFeed.Detail.ReturnChannel r) {
            b.setReturnChannel(channel(r.channel()));
        } else if (detail instanceof DossierFeed.Detail.Assignee a) {
            b.setAssignee(a.username());
        } else if (detail instanceof DossierFeed.Detail.Deadline dl) {
            b.setDeadlineState(deadlineState(dl.state()));
        } else if (detail instanceof DossierFeed.Detail.Rating r) {
            b.setRating(DossierChanged.Rating.newBuilder()
                    .setTimeScore(r.timeScore())
                    .setContactsScore(r.contactsScore())
                    .setAgenciesScore(r.agenciesScore())
                    .setAttitudeScore(r.attitudeScore())
                    .setSatisfied(r.satisfied())
                    .setRatedAt(timestamp(r.ratedAt())));
        }
        return b.build();
    }

    private static void setIfPresent(Instant instant, Consumer<Timestamp> set) {
        if (instant != null) {
            set.accept(timestamp(instant));
        }
    }
}
