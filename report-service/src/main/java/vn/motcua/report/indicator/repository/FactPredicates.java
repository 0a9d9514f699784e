package vn.motcua.report.indicator.repository;

import java.time.Instant;
import java.util.List;
import vn.motcua.report.indicator.domain.DrillSide;
import vn.motcua.report.indicator.domain.Formula;

/**
 * What each counter counts, written over the facts: the drill-down lists exactly the dossiers these predicates select,
 * and they must select exactly what the projection added to the counters. Aliases: {@code d} dossier_fact,
 * {@code p} procedure_dim (left joined on the procedure code), {@code z} digitization_fact (left joined on the code).
 * Every instant is a parameter: T0 = start of the period's first day, T1 = start of the day after its last (local
 * midnights, Asia/Ho_Chi_Minh), so "local day of X before T" is simply "X &lt; T".
 * <ul>
 *   <li>i766_month (by month of received_at): received = received; received_online = channel ONLINE; online_counted =
 *   ONLINE and (procedure not requiring a paper result, or an electronic result); financial_obligation = a
 *   payment_fact row of the dossier that is not CANCELLED; paid_online = a payment_fact row with channel ONLINE and paid_at set;
 *   paper_result_required = the procedure requires a paper result ({@link #PAPER}); paper_result_electronic = that and
 *   digitization_fact.result_electronic; digitized = components_complete and result_electronic; reuses_data;
 *   linked_to_warehouse; resolved_late = result_kind set and finished_at after due_at; feedback_or_dislike =
 *   rating_satisfied false or a feedback_fact row naming the dossier.</li>
 *   <li>stat_month for 2.1: received by received_at; resolved (early + on time + late) by finished_at of a dossier
 *   with result_kind; resolved_on_time_766 = resolved and on_time_766; due_count by due_at; closed_due_count by
 *   max(due_at, finished_at) of a resolved dossier with a due.</li>
 * </ul>
 * Only received dossiers count anywhere.
 */
public final class FactPredicates {

    /** A WHERE fragment and its parameters, in order. */
    public record Predicate(String sql, List<Object> params) {}

    /** feedback_fact f: handled in time, or open and received at or after the parameter (T1 minus the limit). */
    static final String FEEDBACK_ON_TIME =
            "(f.handled_in_time = TRUE OR (f.handled_in_time IS NULL AND f.received_at >= ?))";

    static final String RECEIVED_IN = "d.received_at >= ? AND d.received_at < ?";
    /**
     * Whether the dossier's procedure requires a paper result. The projection takes it from the version the dossier
     * was filed under when it knows that version (procedure_version_dim, added to V2 on the projection's branch),
     * else from the latest (procedure_dim): once both are merged this becomes
     * {@code COALESCE(pv.requires_paper_result, p.requires_paper_result, FALSE)} with pv joined in
     * {@link FactQueryRepository#FROM} on (code, version).
     */
    public static final String PAPER = "COALESCE(p.requires_paper_result, FALSE)";

    static final String ONLINE_COUNTED =
            "d.channel = 'ONLINE' AND (" + PAPER + " = FALSE OR COALESCE(z.result_electronic, FALSE) = TRUE)";
    /** A payment was requested and not cancelled (any status but CANCELLED). */
    static final String FINANCIAL_OBLIGATION =
            "EXISTS (SELECT 1 FROM payment_fact pf WHERE pf.dossier_code = d.code" + " AND pf.status <> 'CANCELLED')";

    static final String PAID_ONLINE = "EXISTS (SELECT 1 FROM payment_fact pf WHERE pf.dossier_code = d.code"
            + " AND pf.channel = 'ONLINE' AND pf.paid_at IS NOT NULL)";
    static final String PAPER_RESULT_REQUIRED = PAPER + " = TRUE";
    static final String RESULT_ELECTRONIC = "z.result_electronic = TRUE";
    static final String DIGITIZED = "z.components_complete = TRUE AND z.result_electronic = TRUE";
    static final String REUSES_DATA = "z.reuses_data = TRUE";
    static final String LINKED_TO_WAREHOUSE = "z.linked_to_warehouse = TRUE";
    static final String RESOLVED_LATE =
            "d.result_kind IS NOT NULL AND d.due_at IS NOT NULL AND d.finished_at > d.due_at";
    static final String FEEDBACK_OR_DISLIKE = "(d.rating_satisfied = FALSE OR EXISTS (SELECT 1 FROM feedback_fact fb"
            + " WHERE fb.dossier_code = d.code))";
    static final String FULL_ONLINE = "p.online_level = " + IndicatorCounterRepository.ONLINE_LEVEL_FULL;

    /** Resolved before the parameter; never NULL, so NOT (...) means "not resolved before". */
    private static final String RESOLVED_BEFORE =
            "(d.result_kind IS NOT NULL AND d.finished_at IS NOT NULL AND d.finished_at < ?)";

    private FactPredicates() {}

    /**
     * @throws IllegalArgumentException for a formula that does not count dossiers
     */
    public static Predicate of(Formula formula, DrillSide side, Instant start, Instant end) {
        if (formula == Formula.DOSSIERS_ON_TIME) {
            return onTime(side, start, end);
        }
        String denominator = switch (formula) {
            case FULL_ONLINE_DOSSIERS -> FULL_ONLINE;
            case DOSSIERS_PAID_ONLINE -> FINANCIAL_OBLIGATION;
            case ELECTRONIC_RESULTS -> PAPER_RESULT_REQUIRED;
            case ONLINE_DOSSIERS,
                    DIGITIZED_DOSSIERS,
                    REUSED_DIGITIZED_DATA,
                    WAREHOUSE_LINKED_DOSSIERS,
                    DOSSIERS_RESOLVED_LATE,
                    DOSSIERS_WITH_FEEDBACK_OR_DISLIKE -> null;
            default -> throw new IllegalArgumentException(formula + " does not count dossiers");
        };
        String numerator = switch (formula) {
            case FULL_ONLINE_DOSSIERS, ONLINE_DOSSIERS -> ONLINE_COUNTED;
            case DOSSIERS_PAID_ONLINE -> PAID_ONLINE;
            case ELECTRONIC_RESULTS -> RESULT_ELECTRONIC;
            case DIGITIZED_DOSSIERS -> DIGITIZED;
            case REUSED_DIGITIZED_DATA -> REUSES_DATA;
            case WAREHOUSE_LINKED_DOSSIERS -> LINKED_TO_WAREHOUSE;
            case DOSSIERS_RESOLVED_LATE -> RESOLVED_LATE;
            case DOSSIERS_WITH_FEEDBACK_OR_DISLIKE -> FEEDBACK_OR_DISLIKE;
            default -> throw new IllegalArgumentException(formula + " does not count dossiers");
        };
        StringBuilder sql = new StringBuilder(RECEIVED_IN);
        if (denominator != null) {
            sql.append(" AND ").append(denominator);
        }
        if (side == DrillSide.NUMERATOR) {
            sql.append(" AND ").append(numerator);
        }
        return new Predicate(sql.toString(), List.of(start, end));
    }

    /**
     * 2.1. Denominator: received in the period, or received before it and not resolved before it (carried over).
     * Numerator: resolved in the period and on time by the 766 rule, or received before T1, not resolved before T1
     * and not yet due at T1 (no due, or due at or after T1).
     */
    private static Predicate onTime(DrillSide side, Instant start, Instant end) {
        if (side == DrillSide.DENOMINATOR) {
            return new Predicate(
                    "d.received_at IS NOT NULL AND d.received_at < ? AND (d.received_at >= ? OR NOT " + RESOLVED_BEFORE
                            + ")",
                    List.of(end, start, start));
        }
        return new Predicate(
                "d.received_at IS NOT NULL AND ((d.result_kind IS NOT NULL AND d.finished_at >= ?"
                        + " AND d.finished_at < ? AND d.on_time_766 = TRUE) OR (d.received_at < ? AND NOT "
                        + RESOLVED_BEFORE + " AND (d.due_at IS NULL OR d.due_at >= ?)))",
                List.of(start, end, end, end, end));
    }
}
