package vn.motcua.report.importer.service;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.RequestIdempotency;
import vn.motcua.platform.ids.RandomCodes;
import vn.motcua.report.importer.domain.ImportHeader;
import vn.motcua.report.importer.domain.ImportLimits;
import vn.motcua.report.importer.domain.ImportResult;
import vn.motcua.report.importer.domain.RowError;
import vn.motcua.report.importer.domain.RowNormalizer;
import vn.motcua.report.importer.domain.SourceRow;
import vn.motcua.report.importer.format.ImportStreamException;
import vn.motcua.report.importer.format.RowReader;
import vn.motcua.report.importer.repository.ImportRowRepository;
import vn.motcua.report.importer.repository.ImportRunRepository;
import vn.motcua.report.importer.repository.ImportRunRepository.StoredRun;
import vn.motcua.report.scope.service.ReportScope;

/**
 * Historical imports (ImportDossierHistory), in the steps the gRPC adapter drives as the stream arrives:
 * <ol>
 *   <li>{@link #begin}: the header is already checked; the caller must be unit_admin of the header's unit (or above
 *       it); a spool file is opened (or, for a repeat of a finished request, only a hash is kept);</li>
 *   <li>{@link Upload#write} per chunk: hashed, counted, spooled, refused past motcua.report.import.max-bytes;</li>
 *   <li>{@link #complete} at the client's half-close: the file is read once to check it as a whole (UTF-8, rows of at
 *       most 64 KiB, the CSV header, at least one row, at most max-rows), so a file refused as a whole writes nothing;
 *       then the request id is claimed (a repeat answers the stored outcome) and the file is read again and applied
 *       batch by batch ({@link ImportBatches}), each batch in its own transaction, all or nothing.</li>
 * </ol>
 * Memory stays bounded whatever the file: one batch of parsed rows at a time, never the file or all rows.
 */
@Singleton
public class HistoryImports {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryImports.class);

    private final ReportScope scope;
    private final ImportRunRepository runs;
    private final ImportRowRepository rows;
    private final ImportBatches batches;
    private final TransactionOperations<Connection> tx;
    private final ImportConfiguration config;
    private final Path spoolDirectory;
    private final Semaphore permits;

    HistoryImports(
            ReportScope scope,
            ImportRunRepository runs,
            ImportRowRepository rows,
            ImportBatches batches,
            TransactionOperations<Connection> tx,
            ImportConfiguration config,
            @Value("${motcua.data-dir:var}") String dataDir) {
        this.scope = scope;
        this.runs = runs;
        this.rows = rows;
        this.batches = batches;
        this.tx = tx;
        this.config = config;
        this.spoolDirectory = config.getSpoolDirectory().isBlank()
                ? Path.of(dataDir, "import-spool")
                : Path.of(config.getSpoolDirectory());
        this.permits = new Semaphore(config.getMaxConcurrent());
    }

    /** At startup: spool files that a crash left behind (a running import deletes its own on every way out). */
    @EventListener
    void sweepAbandonedSpoolFiles(StartupEvent event) {
        int deleted = ImportSpool.sweep(spoolDirectory, Instant.now().minus(config.getStaleAfter()));
        if (deleted > 0) {
            LOG.info("deleted {} abandoned import spool file(s) from {}", deleted, spoolDirectory);
        }
    }

    /** One import call between its header and its half-close; not thread-safe (messages come one at a time). */
    public final class Upload {
        private final Caller caller;
        private final ImportHeader header;
        private final ImportSpool spool;
        private final boolean holdsPermit;
        private boolean ended;

        private Upload(Caller caller, ImportHeader header, ImportSpool spool, boolean holdsPermit) {
            this.caller = caller;
            this.header = header;
            this.spool = spool;
            this.holdsPermit = holdsPermit;
        }

        public void write(ByteBuffer chunk) {
            if (ended) {
                throw new IllegalStateException("import already ended");
            }
            if (chunk.remaining() > ImportLimits.MAX_CHUNK_BYTES) {
                throw DomainException.invalid("chunk", "a chunk carries at most 1 MiB");
            }
            spool.write(chunk);
        }

        /** The stream was cut off or refused: the spool file is deleted. Safe to call more than once. */
        public void abort() {
            if (!ended) {
                ended = true;
                try {
                    spool.discard();
                } finally {
                    if (holdsPermit) {
                        permits.release();
                    }
                }
            }
        }
    }

    /**
     * @throws DomainException PERMISSION_DENIED without unit_admin; NOT_FOUND for a unit outside the caller's subtree;
     *                         RESOURCE_EXHAUSTED when max-concurrent imports already run here
     */
    public Upload begin(Caller caller, ImportHeader header) {
        scope.actingFor(caller, Roles.UNIT_ADMIN, header.unitCode());
        boolean finishedBefore = tx.executeRead(status -> runs.find(caller.subject(), header.requestId()))
                .filter(run -> ImportRunRepository.DONE.equals(run.state()))
                .isPresent();
        if (finishedBefore) {
            // a repeat: the file is hashed to prove it is the same one, never stored nor applied again
            return new Upload(caller, header, ImportSpool.hashOnly(config.getMaxBytes()), false);
        }
        if (!permits.tryAcquire()) {
            throw new DomainException(
                    ErrorKind.RESOURCE_EXHAUSTED,
                    ErrorReason.RULE_VIOLATED,
                    "already " + config.getMaxConcurrent() + " imports running here; try again when one ends",
                    Map.of("rule", "max-concurrent-imports"),
                    List.of());
        }
        try {
            return new Upload(caller, header, ImportSpool.open(spoolDirectory, config.getMaxBytes()), true);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /**
     * The client half-closed: the file is complete. The spool file is gone when this returns or throws.
     *
     * @param cancelled asked between batches: a client that went away stops the import (its run is marked FAILED;
     *                  the same request id runs it again)
     */
    public ImportResult complete(Upload upload, BooleanSupplier cancelled) {
        if (upload.ended) {
            throw new IllegalStateException("import already ended");
        }
        try {
            upload.spool.finish();
            ImportHeader header = upload.header;
            String fingerprint = RequestIdempotency.fingerprint(
                    header.unitCode(), header.format(), header.batchSize(), upload.spool.sha256());
            if (!upload.holdsPermit) {
                return repeat(upload.caller, header, fingerprint);
            }
            if (upload.spool.size() == 0) {
                throw invalidContent("the file is empty");
            }
            checkWhole(upload);
            Claim claim = tx.executeWrite(status -> claim(upload, fingerprint));
            if (claim.answered != null) {
                return claim.answered;
            }
            return run(upload, claim.importId, cancelled);
        } finally {
            upload.abort();
        }
    }

    /** The first import's outcome, for a repeat of its request id with the same header and file. */
    private ImportResult repeat(Caller caller, ImportHeader header, String fingerprint) {
        return tx.executeRead(status -> {
            StoredRun run = runs.find(caller.subject(), header.requestId())
                    .orElseThrow(() -> new IllegalStateException("finished import vanished"));
            if (!run.fingerprint().equals(fingerprint)) {
                throw reused(header.requestId());
            }
            return runs.result(run.importId());
        });
    }

    /** The first read: what refuses the file as a whole, before anything is written. */
    private void checkWhole(Upload upload) {
        long count;
        try (InputStream in = upload.spool.read()) {
            count = RowReader.open(upload.header.format(), in).countRows(config.getMaxRows());
        } catch (ImportStreamException e) {
            throw invalidContent(e.describe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count == 0) {
            throw invalidContent("the file is empty: it has no dossier rows");
        }
        if (count > config.getMaxRows()) {
            throw new DomainException(
                    ErrorKind.OUT_OF_RANGE,
                    ErrorReason.INVALID_FIELD,
                    "the file has more than motcua.report.import.max-rows (" + config.getMaxRows() + ") rows",
                    Map.of("rule", "max-rows", "limit", Long.toString(config.getMaxRows())),
                    List.of(new FieldViolation("chunk", "more than " + config.getMaxRows() + " rows: split the file")));
        }
    }

    /** How a claim ended: a fresh or resumed run under {@code importId}, or the answer a finished run gave. */
    private record Claim(String importId, ImportResult answered) {}

    private Claim claim(Upload upload, String fingerprint) {
        Instant now = Instant.now();
        ImportHeader header = upload.header;
        String importId = "IMP-" + RandomCodes.base32(16);
        ImportRunRepository.NewRun fresh = new ImportRunRepository.NewRun(
                importId, upload.caller.subject(), upload.caller.username(), header, fingerprint, upload.spool.size());
        if (runs.insert(fresh, now)) {
            return new Claim(importId, null);
        }
        StoredRun run = runs.lock(upload.caller.subject(), header.requestId())
                .orElseThrow(() -> new IllegalStateException("claimed import vanished"));
        if (!run.fingerprint().equals(fingerprint)) {
            throw reused(header.requestId());
        }
        if (ImportRunRepository.DONE.equals(run.state())) {
            return new Claim(run.importId(), runs.result(run.importId()));
        }
        boolean stale = run.heartbeatAt().isBefore(now.minus(config.getStaleAfter()));
        if (ImportRunRepository.RUNNING.equals(run.state()) && !stale) {
            throw DomainException.of(
                    ErrorKind.ABORTED,
                    ErrorReason.CONCURRENT_UPDATE,
                    "the import with request_id " + header.requestId() + " is still running; ask again when it ends");
        }
        // it failed, or died with its process: run it again; rows it applied are this same file's and are replaced
        LOG.info(
                "import {} (request {}) runs again after it {}",
                run.importId(),
                header.requestId(),
                stale ? "stopped beating" : "failed");
        runs.restart(run.importId(), now);
        return new Claim(run.importId(), null);
    }

    /** The second read: rows in batches, each applied whole or not at all. */
    private ImportResult run(Upload upload, String importId, BooleanSupplier cancelled) {
        ImportHeader header = upload.header;
        long started = System.nanoTime();
        Instant now = Instant.now();
        Progress progress = new Progress(importId);
        try (InputStream in = upload.spool.read()) {
            ImportBatches.Scope subtree = new ImportBatches.Scope(
                    header.unitCode(), tx.executeRead(status -> rows.subtree(header.unitCode())));
            RowNormalizer normalizer = new RowNormalizer(now);
            RowReader reader = RowReader.open(header.format(), in);
            List<RowNormalizer.Result> batch = new ArrayList<>(header.batchSize());
            SourceRow row;
            while ((row = reader.next()) != null) {
                progress.rowsRead++;
                batch.add(normalizer.normalize(row));
                if (batch.size() == header.batchSize()) {
                    progress.add(batches.apply(importId, subtree, batch, Instant.now()));
                    batch.clear();
                    if (cancelled.getAsBoolean()) {
                        throw new ImportCancelled();
                    }
                }
            }
            if (!batch.isEmpty()) {
                progress.add(batches.apply(importId, subtree, batch, Instant.now()));
            }
        } catch (IOException e) {
            failed(importId);
            throw new UncheckedIOException(e);
        } catch (ImportStreamException e) {
            failed(importId);
            throw new IllegalStateException("the spool file changed between its two reads", e);
        } catch (RuntimeException e) {
            failed(importId);
            throw e;
        }
        ImportResult result = progress.result();
        tx.executeWrite(status -> {
            runs.finish(result, Instant.now());
            return null;
        });
        double seconds =
                Math.max(1e-3, Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
        LOG.info(
                "import {} of unit {} by {}: {} rows read, {} imported, {} rejected; {} batch(es) applied, {}"
                        + " rejected; {} rows/s",
                importId,
                header.unitCode(),
                upload.caller.username(),
                result.rowsRead(),
                result.rowsImported(),
                result.rowsRejected(),
                result.batchesApplied(),
                result.batchesRejected(),
                Math.round(result.rowsRead() / seconds));
        return result;
    }

    private void failed(String importId) {
        try {
            tx.executeWrite(status -> {
                runs.markFailed(importId, Instant.now());
                return null;
            });
        } catch (RuntimeException e) {
            // the database may be what failed; a stale heartbeat lets the request run again all the same
            LOG.warn("could not mark import {} as failed", importId, e);
        }
    }

    /** Counts of a running import and its first errors. */
    private static final class Progress {
        private final String importId;
        private long rowsRead;
        private long rowsImported;
        private long rowsRejected;
        private int batchesApplied;
        private int batchesRejected;
        private final List<RowError> errors = new ArrayList<>();

        Progress(String importId) {
            this.importId = importId;
        }

        void add(ImportBatches.Outcome outcome) {
            if (outcome.applied()) {
                batchesApplied++;
                rowsImported += outcome.rows();
            } else {
                batchesRejected++;
                rowsRejected += outcome.rows();
                for (RowError error : outcome.errors()) {
                    if (errors.size() == ImportLimits.MAX_ERRORS) {
                        break;
                    }
                    errors.add(error);
                }
            }
        }

        ImportResult result() {
            return new ImportResult(
                    importId, rowsRead, rowsImported, rowsRejected, batchesApplied, batchesRejected, errors);
        }
    }

    /** The client went away mid-import; nothing is answered. */
    public static final class ImportCancelled extends RuntimeException {
        ImportCancelled() {
            super("the client cancelled the import", null, false, false);
        }
    }

    private static DomainException invalidContent(String message) {
        return DomainException.invalid("chunk", message);
    }

    private static DomainException reused(String requestId) {
        return DomainException.of(
                ErrorKind.ALREADY_EXISTS,
                ErrorReason.REQUEST_ID_REUSED,
                "request_id " + requestId + " was already used for another import (another unit, format, batch"
                        + " size or file)");
    }
}
