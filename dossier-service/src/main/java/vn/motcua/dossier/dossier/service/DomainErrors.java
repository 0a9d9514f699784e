package vn.motcua.dossier.dossier.service;

import java.util.List;
import java.util.Map;
import vn.motcua.dossier.dossier.domain.TransitionDecision;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** Turns a rejected state-machine decision into the platform's domain exception. */
final class DomainErrors {

    private DomainErrors() {}

    /** The allowed decision, or the rejection as the exception the caller answers with. */
    static TransitionDecision.Allowed allowedOrThrow(TransitionDecision decision) {
        if (decision instanceof TransitionDecision.Allowed allowed) {
            return allowed;
        }
        throw rejected((TransitionDecision.Rejected) decision);
    }

    static DomainException rejected(TransitionDecision.Rejected r) {
        String from = r.from() == null ? "NONE" : r.from().name();
        return switch (r.statusCategory()) {
            case NOT_FOUND -> DomainException.notFound("dossier");
            case PERMISSION_DENIED -> DomainException.permissionDenied(r.message());
            case FAILED_PRECONDITION ->
                r.guardFailure() == null
                        ? new DomainException(
                                ErrorKind.FAILED_PRECONDITION,
                                ErrorReason.ILLEGAL_TRANSITION,
                                r.message(),
                                Map.of("from", from, "event", r.event().name()),
                                List.of())
                        : new DomainException(
                                ErrorKind.FAILED_PRECONDITION,
                                ErrorReason.RULE_VIOLATED,
                                r.message(),
                                Map.of("from", from, "event", r.event().name(), "rule", r.reasonCode()),
                                List.of());
        };
    }
}
