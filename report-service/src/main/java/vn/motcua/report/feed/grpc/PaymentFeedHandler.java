package vn.motcua.report.feed.grpc;

import jakarta.inject.Singleton;
import java.util.Set;
import vn.motcua.platform.feed.FeedEvent;
import vn.motcua.proto.payment.v1.PaymentChanged;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.service.ProjectionEngine;

/**
 * payment-service's feed: each PaymentChanged upserts its payment_fact row and recomputes the dossier it is for (the
 * online payment indicators), whether that dossier's fact is already there or comes later.
 */
@Singleton
public class PaymentFeedHandler extends ProjectingFeedHandler {

    static final Set<String> PROJECTED = Set.of(
            "payment.requested",
            "payment.paid",
            "payment.failed",
            "payment.cancelled",
            "payment.expired",
            "payment.refunded");

    static final Set<String> IGNORED = Set.of();

    public PaymentFeedHandler(ProjectionEngine engine) {
        super(engine);
    }

    @Override
    Set<String> projected() {
        return PROJECTED;
    }

    @Override
    Set<String> ignored() {
        return IGNORED;
    }

    @Override
    ProjectionChange decode(FeedEvent event) {
        PaymentChanged p = unpack(event.payload(), PaymentChanged.class);
        String id = p.getId().isBlank() ? event.aggregateId() : p.getId();
        return new ProjectionChange.Payment(
                DossierFeedHandler.required(id, "id"),
                DossierFeedHandler.required(p.getDossierCode(), "dossier_code"),
                p.getUnitCode(),
                p.getProcedureCode(),
                DossierFeedHandler.required(name(p.getStatus(), "PAYMENT_STATUS_"), "status"),
                name(p.getChannel(), "PAYMENT_CHANNEL_"),
                p.getAmount().getAmount(),
                p.getRefunded().getAmount(),
                instant(p.hasCreatedAt(), p.getCreatedAt()),
                instant(p.hasPaidAt(), p.getPaidAt()));
    }
}
