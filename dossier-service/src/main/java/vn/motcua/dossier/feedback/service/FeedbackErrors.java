package vn.motcua.dossier.feedback.service;

import java.util.List;
import java.util.Map;
import vn.motcua.dossier.feedback.domain.FeedbackDecision;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** Turns a refused feedback decision into the platform's domain exception (mapped to gRPC in one place). */
final class FeedbackErrors {

    private FeedbackErrors() {}

    static DomainException rejected(FeedbackDecision.Rejected r) {
        return switch (r.kind()) {
            case ROLE_NOT_ALLOWED -> DomainException.permissionDenied(r.message());
            case CITIZEN_ID_MISSING ->
                DomainException.of(ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, r.message());
            case OUT_OF_SCOPE -> notFound();
            case ILLEGAL_TRANSITION ->
                new DomainException(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.ILLEGAL_TRANSITION,
                        r.message(),
                        Map.of("from", r.fromName(), "event", r.event().name()),
                        List.of());
            case RULE_VIOLATED ->
                new DomainException(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.RULE_VIOLATED,
                        r.message(),
                        Map.of("from", r.fromName(), "event", r.event().name(), "rule", r.rule()),
                        List.of());
        };
    }

    static DomainException notFound() {
        return DomainException.notFound("feedback");
    }
}
