package vn.motcua.dossier.unit.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.motcua.dossier.common.VietnamTime;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitRepository;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.AdminInput;
import vn.motcua.dossier.unit.domain.NewUnitSpec;
import vn.motcua.dossier.unit.domain.UnitChanges;
import vn.motcua.platform.audit.AuditedChanges;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Changes to the unit tree by unit administrators. Order: role, then fields (every problem at once), then the tree
 * rules and scope, checked inside the transaction on locked rows (a refusal rolls back the request_id claim too); each change is one transaction with its
 * request_id claim (creating changes) and its change-feed event. Nothing here touches dossiers: a merged or closed
 * unit keeps its code, agency code and name, and so do the dossiers received there. Every change, applied or refused,
 * leaves an audit line here, where it is decided, whoever called (AuditedChanges).
 */
@Singleton
public class UnitAdministration {

    static final String CREATE = "CreateUnit";
    static final String MERGE = "MergeUnits";

    private final TransactionOperations<Connection> tx;
    private final UnitRepository repository;
    private final UnitDirectory directory;
    private final AdminAccess access;
    private final UnitEvents events;
    private final RequestIdempotency idempotency;
    private final Clock clock;
    private final AuditedChanges audit;

    public UnitAdministration(
            TransactionOperations<Connection> tx,
            UnitRepository repository,
            UnitDirectory directory,
            AdminAccess access,
            UnitEvents events,
            RequestIdempotency idempotency,
            Clock clock,
            AuditedChanges audit) {
        this.tx = tx;
        this.repository = repository;
        this.directory = directory;
        this.access = access;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
        this.audit = audit;
    }

    /** The caller's subtree, closed units included, root first. */
    public List<AdminUnit> managed(Caller caller) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        return directory.tree().subtree(scope.unitCode());
    }

    public AdminUnit create(Caller caller, String requestId, NewUnitSpec spec, String validFrom) {
        return audit.run(
                caller,
                "UNIT_CREATE",
                spec == null ? null : spec.code(),
                () -> createUnit(caller, requestId, spec, validFrom));
    }

    private AdminUnit createUnit(Caller caller, String requestId, NewUnitSpec spec, String validFrom) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        in.requestId(requestId);
        NewUnitSpec valid = checked(in, "unit", spec);
        LocalDate from = in.date("valid_from", validFrom, true);
        in.refuseIfAny();
        Instant now = now();
        return changed(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, CREATE, requestId, RequestIdempotency.fingerprint(valid, from), now);
            if (claim.isReplay()) {
                return repository.findByCode(claim.resultRef()).orElseThrow();
            }
            AdminUnit unit = place(new UnitTree(repository.lockAll()), scope, valid, from, "unit");
            repository.insert(unit);
            claim.complete(unit.code());
            events.created(unit, scope.unitCode(), now);
            return unit;
        }));
    }

    public AdminUnit rename(Caller caller, String code, String name) {
        return audit.run(caller, "UNIT_RENAME", code, () -> renameUnit(caller, code, name));
    }

    private AdminUnit renameUnit(Caller caller, String code, String name) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        String validCode = in.unitCode("code", code, true);
        String validName = in.label("name", name, AdminInput.NAME_MAX);
        in.refuseIfAny();
        Instant now = now();
        return changed(() -> tx.executeWrite(status -> {
            UnitTree tree = new UnitTree(repository.lockAll());
            AdminUnit before = known(tree, validCode);
            scope.requireInside(before.code(), "unit");
            if (before.closed()) {
                throw DomainException.ruleViolated(
                        "UNIT_CLOSED", "unit " + before.code() + " is closed; its name stays as it was");
            }
            if (before.name().equals(validName)) {
                return before;
            }
            repository.rename(before.code(), validName);
            events.renamed(before, validName, scope.unitCode(), now);
            return repository.findByCode(before.code()).orElseThrow();
        }));
    }

    public AdminUnit close(Caller caller, String code, String validTo) {
        return audit.run(caller, "UNIT_CLOSE", code, () -> closeUnit(caller, code, validTo));
    }

    private AdminUnit closeUnit(Caller caller, String code, String validTo) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        String validCode = in.unitCode("code", code, true);
        LocalDate lastDay = in.date("valid_to", validTo, true);
        in.refuseIfAny();
        Instant now = now();
        LocalDate today = VietnamTime.localDate(now);
        return changed(() -> tx.executeWrite(status -> {
            UnitTree tree = new UnitTree(repository.lockAll());
            AdminUnit unit = known(tree, validCode);
            scope.requireInside(unit.code(), "unit");
            UnitChanges.requireClosable(tree, unit, lastDay, today, "valid_to");
            if (!repository.close(unit.code(), lastDay, null)) {
                throw concurrent(unit.code());
            }
            events.closed(unit.code(), lastDay, null, scope.unitCode(), now);
            return repository.findByCode(unit.code()).orElseThrow();
        }));
    }

    /** The 2025 reform: the sources end the day before {@code effectiveOn}, the successor starts on it. */
    public Merger merge(
            Caller caller, String requestId, List<String> sourceCodes, NewUnitSpec successor, String effectiveOn) {
        return audit.run(
                caller,
                "UNIT_MERGE",
                successor == null ? null : successor.code(),
                () -> mergeUnits(caller, requestId, sourceCodes, successor, effectiveOn));
    }

    private Merger mergeUnits(
            Caller caller, String requestId, List<String> sourceCodes, NewUnitSpec successor, String effectiveOn) {
        AdminAccess.AdminScope scope = access.requireAdmin(caller);
        AdminInput in = new AdminInput();
        in.requestId(requestId);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < sourceCodes.size(); i++) {
            String c = in.unitCode("source_codes[" + i + "]", sourceCodes.get(i), true);
            if (c != null) {
                sources.add(c);
            }
        }
        if (in.ok()) {
            UnitChanges.requireMergeable(sources, in);
        }
        NewUnitSpec valid = checked(in, "successor", successor);
        LocalDate from = in.date("effective_on", effectiveOn, true);
        if (valid != null && sources.contains(valid.parentCode())) {
            in.add("successor.parent_code", "the successor cannot be placed below a unit it replaces");
        }
        in.refuseIfAny();
        Instant now = now();
        LocalDate today = VietnamTime.localDate(now);
        return changed(() -> tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = idempotency.claim(
                    caller, MERGE, requestId, RequestIdempotency.fingerprint(sources, valid, from), now);
            if (claim.isReplay()) {
                AdminUnit done = repository.findByCode(claim.resultRef()).orElseThrow();
                return new Merger(
                        done,
                        sources.stream()
                                .map(c -> repository.findByCode(c).orElseThrow())
                                .toList());
            }
            AdminUnit unit = mergeChecks(new UnitTree(repository.lockAll()), scope, sources, valid, from, today);
            repository.insert(unit);
            List<AdminUnit> closed = new ArrayList<>();
            for (String source : sources) {
                if (!repository.close(source, from.minusDays(1), unit.code())) {
                    throw concurrent(source);
                }
                closed.add(repository.findByCode(source).orElseThrow());
            }
            claim.complete(unit.code());
            events.created(unit, scope.unitCode(), now);
            for (AdminUnit c : closed) {
                events.closed(c.code(), c.validTo(), unit.code(), scope.unitCode(), now);
            }
            events.merged(unit, sources, scope.unitCode(), now);
            return new Merger(unit, closed);
        }));
    }

    public record Merger(AdminUnit successor, List<AdminUnit> closed) {}

    private static AdminUnit mergeChecks(
            UnitTree tree,
            AdminAccess.AdminScope scope,
            List<String> sources,
            NewUnitSpec successor,
            LocalDate effectiveOn,
            LocalDate today) {
        for (String code : sources) {
            AdminUnit source =
                    tree.find(code).orElseThrow(() -> DomainException.invalid("source_codes", "unknown unit " + code));
            scope.requireInside(code, "unit");
            UnitChanges.requireClosable(tree, source, effectiveOn.minusDays(1), today, "effective_on");
        }
        return place(tree, scope, successor, effectiveOn, "successor");
    }

    private static AdminUnit place(
            UnitTree tree, AdminAccess.AdminScope scope, NewUnitSpec spec, LocalDate from, String field) {
        if (tree.find(spec.parentCode()).isEmpty()) {
            throw DomainException.invalid(field + ".parent_code", "unknown unit " + spec.parentCode());
        }
        // below the caller's own unit or deeper: never a sibling or a parent of it
        scope.requireInside(spec.parentCode(), "parent unit");
        return UnitChanges.placeNew(tree, spec, from, field);
    }

    private static NewUnitSpec checked(AdminInput in, String field, NewUnitSpec spec) {
        if (spec == null) {
            in.add(field, "is required");
            return null;
        }
        String code = in.unitCode(field + ".code", spec.code(), true);
        String agency = in.agencyCode(field + ".agency_code", spec.agencyCode());
        String name = in.label(field + ".name", spec.name(), AdminInput.NAME_MAX);
        if (spec.level() == null) {
            in.add(field + ".level", "is required (PROVINCE, DISTRICT or COMMUNE)");
        }
        String parent = in.unitCode(field + ".parent_code", spec.parentCode(), true);
        return new NewUnitSpec(code, agency, name, spec.level(), parent);
    }

    private static AdminUnit known(UnitTree tree, String code) {
        return tree.find(code).orElseThrow(() -> DomainException.notFound("unit " + code));
    }

    private <T> T changed(Supplier<T> change) {
        try {
            return change.get();
        } finally {
            // also after a failure: a concurrent change may have committed meanwhile
            directory.invalidate();
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException concurrent(String code) {
        return DomainException.of(
                ErrorKind.ABORTED,
                ErrorReason.CONCURRENT_UPDATE,
                "unit " + code + " was changed at the same time; retry");
    }
}
