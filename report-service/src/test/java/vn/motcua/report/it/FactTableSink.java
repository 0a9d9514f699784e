package vn.motcua.report.it;

import io.micronaut.context.annotation.Secondary;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;
import vn.motcua.report.projection.service.DossierFactSink;

/**
 * A stand-in for the projection's DossierFactSink while the real one is built in parallel (issue 13): writes the fact
 * as one dossier_fact row, in the caller's transaction, and nothing else (no counters, no payment or digitization
 * facts). {@code @Secondary}: as soon as the projection's implementation is on the classpath it wins, and every test
 * here runs against it instead.
 */
@Singleton
@Secondary
public class FactTableSink implements DossierFactSink {

    private final JdbcOperations jdbc;

    public FactTableSink(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void upsertImported(DossierFact fact, ImportedPayment payment, ImportedDigitization digitization) {
        jdbc.prepareStatement("DELETE FROM dossier_fact WHERE fact_id = ?", ps -> {
            ps.setString(1, fact.factId());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement(
                "INSERT INTO dossier_fact (fact_id, code, unit_code, receiving_unit_code, handling_unit_code,"
                        + " procedure_code, procedure_version, field_code, channel, state, result_kind, legal_regime,"
                        + " boundary_free, extension_used, submitted_at, received_at, original_due_at, due_at,"
                        + " finished_at, paused_seconds, supplement_requests, timeliness, on_time_766, imported,"
                        + " import_id, updated_seq)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                ps -> {
                    int i = 0;
                    ps.setString(++i, fact.factId());
                    ps.setString(++i, fact.code());
                    ps.setString(++i, fact.unitCode());
                    ps.setString(++i, fact.receivingUnitCode());
                    ps.setString(++i, fact.handlingUnitCode());
                    ps.setString(++i, fact.procedureCode());
                    ps.setInt(++i, fact.procedureVersion());
                    ps.setString(++i, fact.channel());
                    ps.setString(++i, fact.state());
                    ps.setString(++i, fact.resultKind());
                    ps.setString(++i, fact.legalRegime());
                    ps.setBoolean(++i, fact.boundaryFree());
                    ps.setBoolean(++i, fact.extensionUsed());
                    UtcTimestamps.bind(ps, ++i, fact.submittedAt());
                    UtcTimestamps.bind(ps, ++i, fact.receivedAt());
                    UtcTimestamps.bind(ps, ++i, fact.originalDueAt());
                    UtcTimestamps.bind(ps, ++i, fact.dueAt());
                    UtcTimestamps.bind(ps, ++i, fact.finishedAt());
                    ps.setLong(++i, fact.pausedSeconds());
                    ps.setInt(++i, fact.supplementRequests());
                    ps.setString(++i, timeliness(fact));
                    ps.setBoolean(++i, false);
                    ps.setBoolean(++i, fact.imported());
                    ps.setString(++i, fact.importId());
                    return ps.executeUpdate();
                });
    }

    /** Only so the NOT NULL column holds something plausible; the projection owns the real rule. */
    private static String timeliness(DossierFact fact) {
        if (fact.resultKind() == null) {
            return "OPEN";
        }
        return fact.dueAt() != null && fact.finishedAt().isAfter(fact.dueAt()) ? "LATE" : "ON_TIME";
    }
}
