package vn.motcua.report.projection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One feed event as the projection understands it, decoded by the feed adapters (feed/grpc) from the producers'
 * messages. Plain values only; {@code seq} is the producer's feed position.
 */
public sealed interface ProjectionChange {

    /**
     * A dossier event: the whole reporting picture after the change (dossier-service's DossierChanged).
     *
     * @param factId                 the feed's aggregate_id (stable across the code change at acceptance)
     * @param fact                   the picture; its assignee and rating are set only by dossier.assigned and
     *                               dossier.rated (the projection keeps the last ones), its supplementRequests counts
     *                               the supplement pauses only
     * @param received               a dossier.received event (counted in daily_reception)
     * @param preSupplementRequested a dossier.pre_supplement_requested event (a request before reception, which leaves
     *                               no pause; counted into supplement_requests)
     */
    record DossierUpdate(long seq, String factId, DossierFact fact, boolean received, boolean preSupplementRequested)
            implements ProjectionChange {}

    /**
     * An imported dossier (DossierFactSink): replaces the fact {@code IMPORT:<code>} whole, with its payment flags as the
     * payment_fact row {@code IMPORT:<code>} and its digitization flags as its digitization_fact row.
     */
    record Imported(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization)
            implements ProjectionChange {}

    /** unit.created. @param level common.v1.UnitLevel number; @param parentCode null for a root */
    record UnitCreated(String code, String name, int level, String parentCode, String agencyCode, LocalDate validFrom)
            implements ProjectionChange {}

    record UnitRenamed(String code, String name) implements ProjectionChange {}

    /** @param successorCode null unless closed by a merger */
    record UnitClosed(String code, LocalDate validTo, String successorCode) implements ProjectionChange {}

    /** The sources now have {@code code} as their successor. */
    record UnitsMerged(String code, List<String> sourceCodes, LocalDate effectiveOn) implements ProjectionChange {}

    /**
     * procedure.published. @param level common.v1.UnitLevel number; @param onlineLevel dossier.v1.OnlineLevel number
     */
    record ProcedurePublished(
            String code,
            int version,
            String name,
            String fieldCode,
            int level,
            int onlineLevel,
            boolean requiresPaperResult)
            implements ProjectionChange {}

    record ProcedureWithdrawn(String code, int version) implements ProjectionChange {}

    /**
     * payment-service's PaymentChanged.
     *
     * @param status  PaymentStatus name without prefix (AWAITING, IN_PROGRESS, PAID, FAILED, CANCELLED, EXPIRED,
     *                ERROR)
     * @param channel PaymentChannel name without prefix (ONLINE, COUNTER_CASH...), null until paid
     */
    record Payment(
            String paymentId,
            String dossierCode,
            String unitCode,
            String procedureCode,
            String status,
            String channel,
            long amount,
            long refunded,
            Instant createdAt,
            Instant paidAt)
            implements ProjectionChange {}

    /**
     * digitization-service's DigitizationChanged: the whole dossier's flags after the event.
     *
     * @param dossierCode the dossier's stable key (the feeds' aggregate id: the submission reference of a dossier filed
     *                    online, else its code); an imported dossier's code
     */
    record Digitization(
            String dossierCode,
            boolean componentsComplete,
            boolean resultElectronic,
            boolean reusesData,
            boolean linkedToWarehouse,
            Instant updatedAt)
            implements ProjectionChange {}

    record CertifiedCopy(String certificateNumber, String unitCode, Instant certifiedAt) implements ProjectionChange {}

    /**
     * dossier-service's FeedbackChanged (PAKN).
     *
     * @param unitPath       the unit's ancestry, root first
     * @param dossierCode    null when it names no dossier
     * @param state          FeedbackState name without prefix
     * @param classification FeedbackClass name without prefix, null until classified
     */
    record Feedback(
            String feedbackId,
            String unitCode,
            List<String> unitPath,
            String dossierCode,
            String state,
            String classification,
            Boolean aboutRegulation,
            Instant receivedAt,
            Instant answeredAt,
            Boolean handledInTime,
            boolean dissatisfied)
            implements ProjectionChange {}

    /**
     * calendar.day-added: a day off or make-up workday of the work calendar (upserted: a re-added day replaces the
     * entry). @param scope '' nationwide, else the unit whose subtree it applies to; @param kind DAY_OFF or
     * MAKEUP_WORKDAY
     */
    record CalendarDayAdded(String scope, LocalDate day, String kind, String name) implements ProjectionChange {}

    /** calendar.day-removed. @param scope as in {@link CalendarDayAdded} */
    record CalendarDayRemoved(String scope, LocalDate day) implements ProjectionChange {}
}
