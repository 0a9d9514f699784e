package vn.motcua.report.importer.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.idempotency.IdempotencyRepository;
import vn.motcua.report.importer.domain.ImportFields;
import vn.motcua.report.importer.domain.ImportedDossier;
import vn.motcua.report.importer.domain.ImportedFacts;
import vn.motcua.report.importer.domain.RowError;
import vn.motcua.report.importer.domain.RowNormalizer;
import vn.motcua.report.importer.repository.ImportRowRepository;
import vn.motcua.report.importer.repository.ImportRowRepository.ExistingRow;
import vn.motcua.report.importer.repository.ImportRowRepository.NumberedDossier;
import vn.motcua.report.importer.repository.ImportRunRepository;
import vn.motcua.report.projection.service.DossierFactSink;

/**
 * Applies one batch of an import in one transaction, all or nothing: every row is checked first (its own fields, then
 * against the database: the unit subtree, a code repeated in the file, a live dossier with the code, an earlier
 * import of the code for a unit outside this import's), and only a batch without a single error is written, to
 * import_row and through {@link DossierFactSink} into the projection. A row the projection refuses rolls the whole
 * batch back.
 */
@Singleton
class ImportBatches {

    private final ImportRowRepository rows;
    private final ImportRunRepository runs;
    private final DossierFactSink sink;
    private final TransactionOperations<Connection> tx;

    ImportBatches(
            ImportRowRepository rows,
            ImportRunRepository runs,
            DossierFactSink sink,
            TransactionOperations<Connection> tx) {
        this.rows = rows;
        this.runs = runs;
        this.sink = sink;
        this.tx = tx;
    }

    /** Whose subtree the rows must stay in: the header's unit and the units below it. */
    record Scope(String unitCode, Set<String> units) {}

    /** A batch applied whole, or not at all with its rows' errors (by line). */
    record Outcome(boolean applied, int rows, List<RowError> errors) {}

    Outcome apply(String importId, Scope scope, List<RowNormalizer.Result> batch, Instant now) {
        try {
            return tx.executeWrite(status -> {
                List<NumberedDossier> valid = new ArrayList<>();
                Map<String, ExistingRow> existing = new HashMap<>();
                List<RowError> errors = check(importId, scope, batch, valid, existing);
                if (errors.isEmpty()) {
                    write(importId, valid, existing, now);
                }
                runs.heartbeat(importId, now);
                return new Outcome(errors.isEmpty(), batch.size(), errors);
            });
        } catch (Refused e) {
            heartbeat(importId, now);
            return new Outcome(false, batch.size(), List.of(e.error));
        } catch (RuntimeException e) {
            if (!IdempotencyRepository.isDuplicateKey(e)) {
                throw e;
            }
            // another import wrote one of these codes between this batch's check and its insert
            heartbeat(importId, now);
            return new Outcome(
                    false,
                    batch.size(),
                    List.of(
                            new RowError(
                                    batch.get(0).line(),
                                    ImportFields.CODE,
                                    "another import stored one of this batch's codes at the same moment; import the batch again")));
        }
    }

    private List<RowError> check(
            String importId,
            Scope scope,
            List<RowNormalizer.Result> batch,
            List<NumberedDossier> valid,
            Map<String, ExistingRow> existing) {
        List<RowError> errors = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (RowNormalizer.Result result : batch) {
            if (!result.ok()) {
                errors.addAll(result.errors());
                continue;
            }
            ImportedDossier d = result.dossier();
            Long earlier = firstLine.putIfAbsent(ImportRowRepository.key(d.code()), result.line());
            if (earlier != null) {
                errors.add(repeated(result.line(), d.code(), earlier));
            } else if (!scope.units().contains(d.unitCode())) {
                errors.add(new RowError(
                        result.line(),
                        ImportFields.UNIT,
                        "unit " + d.unitCode() + " is not " + scope.unitCode()
                                + " nor a unit below it: an import brings only its unit's dossiers"));
            } else {
                valid.add(new NumberedDossier(result.line(), d));
            }
        }
        List<String> codes = valid.stream().map(n -> n.dossier().code()).toList();
        existing.putAll(rows.findByCodes(codes));
        Set<String> live = rows.liveCodes(codes);
        for (NumberedDossier n : valid) {
            String code = n.dossier().code();
            ExistingRow before = existing.get(ImportRowRepository.key(code));
            if (live.contains(ImportRowRepository.key(code))) {
                errors.add(new RowError(
                        n.line(),
                        ImportFields.CODE,
                        "a dossier with code " + code
                                + " is already handled in MotCua: history cannot overwrite a live dossier"));
            } else if (before != null && before.importId().equals(importId)) {
                // the same line again is this very import resumed after a crash: it simply replaces itself
                if (before.line() != n.line()) {
                    errors.add(repeated(n.line(), code, before.line()));
                }
            } else if (before != null && !scope.units().contains(before.unitCode())) {
                errors.add(new RowError(
                        n.line(),
                        ImportFields.CODE,
                        "code " + code
                                + " was imported earlier for a unit outside " + scope.unitCode()
                                + ": only an import for that unit may correct it"));
            }
        }
        errors.sort(Comparator.comparingLong(RowError::line));
        return errors;
    }

    private void write(String importId, List<NumberedDossier> valid, Map<String, ExistingRow> existing, Instant now) {
        // a code imported before is replaced: a later import is a correction of that history
        rows.deleteCodes(existing.values().stream().map(ExistingRow::code).toList());
        rows.insert(importId, valid, now);
        for (NumberedDossier n : valid) {
            ImportedFacts.Facts facts = ImportedFacts.of(n.dossier(), importId);
            try {
                sink.upsertImported(facts.fact(), facts.payment(), facts.digitization());
            } catch (DomainException e) {
                throw new Refused(new RowError(n.line(), "", "the projection refused the dossier: " + e.getMessage()));
            }
        }
    }

    private void heartbeat(String importId, Instant now) {
        tx.executeWrite(status -> {
            runs.heartbeat(importId, now);
            return null;
        });
    }

    private static RowError repeated(long line, String code, long firstLine) {
        return new RowError(
                line,
                ImportFields.CODE,
                "MaHoSo " + code + " appears again in this file (first at line " + firstLine + ")");
    }

    /** Thrown inside the transaction so that it rolls back; carries the row's error out. */
    private static final class Refused extends RuntimeException {
        private final RowError error;

        Refused(RowError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}
