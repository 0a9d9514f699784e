package vn.motcua.dossier.catalog.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.PublicationState;
import vn.motcua.dossier.catalog.repository.ProcedureVersionRepository;
import vn.motcua.dossier.catalog.transfer.CatalogueFormat;
import vn.motcua.dossier.catalog.transfer.CatalogueSheets;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Changes to the procedure catalogue by TTHC controllers: drafts (typed or imported), publication and withdrawal.
 * Order of checks: role, then input (every problem at once), then unit scope, all before anything is written; each
 * change is one transaction with its request_id claim and, for publication and withdrawal, its change-feed event.
 * Version numbers are assigned here (newest + 1 for the code); a published version is never edited.
 */
@Singleton
public class CatalogManagementService {

    static final String CREATE = "CreateProcedureDraft";
    static final String PUBLISH = "PublishProcedure";
    static final String WITHDRAW = "WithdrawProcedure";
    static final String IMPORT = "ImportCatalogue";
    static final int MAX_DECISION = 128;
    static final int MAX_REASON = 1000;
    static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> tx;
    private final ProcedureVersionRepository versions;
    private final RequestIdempotency idempotency;
    private final CatalogAccess access;
    private final CatalogEvents events;
    private final UnitDirectory units;
    private final Clock clock;

    public CatalogManagementService(
            TransactionOperations<Connection> tx,
            ProcedureVersionRepository versions,
            RequestIdempotency idempotency,
            CatalogAccess access,
            CatalogEvents events,
            UnitDirectory units,
            Clock clock) {
        this.tx = tx;
        this.versions = versions;
        this.idempotency = idempotency;
        this.access = access;
        this.events = events;
        this.units = units;
        this.clock = clock;
    }

    /**
     * A new DRAFT version of the draft's code, numbered newest + 1.
     *
     * @param mappingProblems what the caller's adapter found that the draft cannot carry (reported with the rest)
     */
    public ProcedureVersion createDraft(
            Caller caller, String requestId, ProcedureDraft draft, List<FieldViolation> mappingProblems) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        List<FieldViolation> problems = new ArrayList<>();
        CatalogInput.requestId(problems, requestId);
        problems.addAll(mappingProblems);
        UnitTree tree = units.tree();
        problems.addAll(DraftRules.check(
                draft,
                c -> "draft." + c.replace("time_limit_", "time_limit."),
                u -> tree.find(u).isPresent()));
        CatalogInput.refuseIfAny(problems);
        scope.requireManages(
                "",
                draft.code(),
                draft.receivingUnits().stream().map(u -> u.unitCode()).toList());
        Instant now = now();
        return write(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, CREATE, requestId, RequestIdempotency.fingerprint(draft), now);
            if (claim.isReplay()) {
                return replayed(claim.resultRef());
            }
            ProcedureVersion created = insert(scope, "", draft, now, caller.subject());
            claim.complete(ref(created));
            return created;
        }));
    }

    /** DRAFT → PUBLISHED; the version's receiving units become the procedure's one-stop listing. */
    public ProcedureVersion publish(
            Caller caller, String requestId, String code, int version, String decision, String publishedOn) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        Instant now = now();
        List<FieldViolation> problems = new ArrayList<>();
        CatalogInput.requestId(problems, requestId);
        CatalogInput.procedureCode(problems, "code", code);
        if (version < 1) {
            problems.add(new FieldViolation("version", "must be 1 or more"));
        }
        DraftRules.line(CatalogInput.into(problems), "publication_decision", decision, true, MAX_DECISION);
        DraftRules.date(CatalogInput.into(problems), "published_on", publishedOn, true);
        LocalDate decided = DraftRules.parseDate(publishedOn);
        if (decided != null && decided.isAfter(WorkCalendar.localDate(now))) {
            problems.add(new FieldViolation("published_on", "is later than today"));
        }
        CatalogInput.refuseIfAny(problems);
        return write(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(
                    caller,
                    PUBLISH,
                    requestId,
                    RequestIdempotency.fingerprint(code, version, decision, publishedOn),
                    now);
            if (claim.isReplay()) {
                return replayed(claim.resultRef());
            }
            ProcedureVersion draft = versions.find(code, version)
                    .orElseThrow(() -> DomainException.notFound("version " + version + " of procedure " + code));
            scope.requireManages("", code, draft.receivingUnitCodes());
            scope.requireManages("", code, versions.listedUnits(code));
            if (draft.state() != PublicationState.DRAFT) {
                throw stateConflict(code, version, draft.state(), PublicationState.PUBLISHED);
            }
            int released = versions.newestReleasedVersion(code);
            if (version < released) {
                throw DomainException.ruleViolated(
                        "SUPERSEDED_DRAFT",
                        "version " + version + " of " + code + " is older than the published version " + released
                                + "; create a new draft instead");
            }
            Integer superseded =
                    versions.findCurrent(code).map(ProcedureVersion::version).orElse(null);
            if (!versions.markPublished(code, version, decision.strip(), decided, now, caller.subject())) {
                throw concurrentUpdate(code);
            }
            versions.replaceListing(code, draft.receivingUnits());
            ProcedureVersion published = versions.find(code, version).orElseThrow();
            claim.complete(ref(published));
            events.published(published, superseded, scope.unitCode(), now);
            return published;
        }));
    }

    /** The current published version → WITHDRAWN: no new dossiers, gone from listing and search. */
    public ProcedureVersion withdraw(Caller caller, String requestId, String code, String reason) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        List<FieldViolation> problems = new ArrayList<>();
        CatalogInput.requestId(problems, requestId);
        CatalogInput.procedureCode(problems, "code", code);
        DraftRules.text(CatalogInput.into(problems), "reason", reason, true, MAX_REASON);
        CatalogInput.refuseIfAny(problems);
        Instant now = now();
        return write(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, WITHDRAW, requestId, RequestIdempotency.fingerprint(code, reason), now);
            if (claim.isReplay()) {
                return replayed(claim.resultRef());
            }
            ProcedureVersion current = versions.findCurrent(code)
                    .orElseThrow(() -> DomainException.notFound("published procedure " + code));
            scope.requireManages("", code, current.receivingUnitCodes());
            scope.requireManages("", code, versions.listedUnits(code));
            if (!versions.markWithdrawn(code, current.version(), reason.strip(), now, caller.subject())) {
                throw concurrentUpdate(code);
            }
            ProcedureVersion withdrawn = versions.find(code, current.version()).orElseThrow();
            claim.complete(ref(withdrawn));
            events.withdrawn(withdrawn, scope.unitCode(), now);
            return withdrawn;
        }));
    }

    /**
     * Drafts from a CSV or XLSX file, all or none. Problems are reported as "row N: column" (the header is row 1),
     * file problems as "content".
     *
     * @return the number of drafts created
     */
    public int importDrafts(Caller caller, String requestId, CatalogueFormat format, byte[] content) {
        CatalogAccess.ControllerScope scope = access.requireController(caller);
        List<FieldViolation> problems = new ArrayList<>();
        CatalogInput.requestId(problems, requestId);
        if (format == null) {
            problems.add(new FieldViolation("format", "is required (CSV or XLSX)"));
            CatalogInput.refuseIfAny(problems);
        }
        CatalogueSheets.Parsed parsed = CatalogueSheets.read(format, content);
        UnitTree tree = units.tree();
        Map<Integer, Set<String>> unreadable = parsed.problems().stream()
                .collect(Collectors.groupingBy(
                        CatalogueSheets.Problem::row,
                        Collectors.mapping(CatalogueSheets.Problem::column, Collectors.toSet())));
        parsed.problems()
                .forEach(p -> problems.add(new FieldViolation(
                        p.row() == 0 ? p.column() : rowField(p.row(), p.column()), p.description())));
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (CatalogueSheets.Row row : parsed.rows()) {
            Set<String> skip = unreadable.getOrDefault(row.number(), Set.of());
            // a cell that could not be read is reported once, not again as "is required"
            DraftRules.check(row.draft(), Function.identity(), u -> tree.find(u).isPresent()).stream()
                    .filter(v -> !skip.contains(column(v.field())))
                    .forEach(v -> problems.add(new FieldViolation(rowField(row.number(), v.field()), v.description())));
            Integer first = firstRowOfCode.putIfAbsent(row.draft().code(), row.number());
            if (first != null && !row.draft().code().isBlank()) {
                problems.add(new FieldViolation(
                        rowField(row.number(), "code"),
                        "same procedure as row " + first + "; a file holds one version per procedure"));
            }
        }
        CatalogInput.refuseIfAny(problems);
        for (CatalogueSheets.Row row : parsed.rows()) {
            scope.requireManages(
                    "row " + row.number() + ": ",
                    row.draft().code(),
                    row.draft().receivingUnits().stream().map(u -> u.unitCode()).toList());
        }
        Instant now = now();
        String fingerprint = RequestIdempotency.fingerprint(format, sha256(content));
        return write(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(caller, IMPORT, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return Integer.parseInt(claim.resultRef());
            }
            for (CatalogueSheets.Row row : parsed.rows()) {
                insert(scope, "row " + row.number() + ": ", row.draft(), now, caller.subject());
            }
            claim.complete(Integer.toString(parsed.rows().size()));
            return parsed.rows().size();
        }));
    }

    private ProcedureVersion insert(
            CatalogAccess.ControllerScope scope, String where, ProcedureDraft draft, Instant now, String subject) {
        scope.requireManages(where, draft.code(), versions.listedUnits(draft.code()));
        ProcedureVersion created = draft.toVersion(versions.nextVersion(draft.code()));
        versions.insertDraft(created, now, subject);
        return created;
    }

    private ProcedureVersion replayed(String ref) {
        int at = ref.lastIndexOf('@');
        return versions.find(ref.substring(0, at), Integer.parseInt(ref.substring(at + 1)))
                .orElseThrow(() -> new IllegalStateException("replayed version " + ref + " is missing"));
    }

    private static String ref(ProcedureVersion v) {
        return v.code() + "@" + v.version();
    }

    private static String rowField(int row, String field) {
        return "row " + row + ": " + field;
    }

    /** "fees[1].amount" → "fees": the column a rule's field belongs to. */
    private static String column(String field) {
        int cut = field.indexOf('[');
        return cut < 0 ? field : field.substring(0, cut);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException stateConflict(String code, int version, PublicationState from, PublicationState to) {
        return new DomainException(
                ErrorKind.FAILED_PRECONDITION,
                ErrorReason.ILLEGAL_TRANSITION,
                "version " + version + " of " + code + " is " + from + "; only a draft can be published",
                Map.of("from", from.name(), "to", to.name(), "event", "PUBLISH"),
                List.of());
    }

    private static DomainException concurrentUpdate(String code) {
        return DomainException.of(
                ErrorKind.ABORTED,
                ErrorReason.CONCURRENT_UPDATE,
                "procedure " + code + " was changed at the same time; retry");
    }

    /**
     * Runs a write transaction again when it lost a race that rolled it back whole: two drafts of one code taking
     * the same number (primary key) or deadlocking on the code's newest row. After {@value #ATTEMPTS} tries the
     * caller is asked to retry (ABORTED).
     */
    private static <T> T write(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!lostRace(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw DomainException.of(
                            ErrorKind.ABORTED,
                            ErrorReason.CONCURRENT_UPDATE,
                            "the catalogue was changed at the same time; retry");
                }
            }
        }
    }

    private static boolean lostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException || t instanceof SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
