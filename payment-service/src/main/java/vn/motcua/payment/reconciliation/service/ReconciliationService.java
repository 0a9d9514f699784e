package vn.motcua.payment.reconciliation.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.motcua.payment.common.Vietnam;
import vn.motcua.payment.reconciliation.domain.InvalidSettlementFile;
import vn.motcua.payment.reconciliation.domain.PaidOnlineOrders;
import vn.motcua.payment.reconciliation.domain.PaidOrder;
import vn.motcua.payment.reconciliation.domain.Reconciliation;
import vn.motcua.payment.reconciliation.domain.SettlementFile;
import vn.motcua.payment.reconciliation.domain.SettlementLine;
import vn.motcua.payment.reconciliation.domain.SettlementMatcher;
import vn.motcua.payment.reconciliation.repository.SettlementRepository;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Import of the provider's settlement file and reconciliation of a unit's day. The role is checked before anything
 * is read, then the request (the whole file included: a bad line rejects the file with its line number and writes
 * nothing), then the unit. An import replaces the day's lines and claims its request_id in one transaction. The
 * reconciliation is computed when asked, so a payment confirmed after the import (a late notification) shows at once.
 */
@Singleton
public class ReconciliationService {

    static final String IMPORT = "ImportSettlement";
    /** Far above a day of any unit (about 80 bytes a line), well below gRPC's 4 MiB message limit. */
    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final TransactionOperations<Connection> tx;
    private final SettlementRepository settlements;
    private final RequestIdempotency requests;
    private final PaidOnlineOrders orders;
    private final Clock clock;

    public ReconciliationService(
            TransactionOperations<Connection> tx,
            SettlementRepository settlements,
            RequestIdempotency requests,
            PaidOnlineOrders orders,
            Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.settlements = settlements;
        this.requests = requests;
        this.orders = orders;
    }

    public ImportedSettlement importSettlement(
            Caller caller, String requestId, String unitCode, String date, byte[] csv) {
        ReconciliationAccess.requireRole(caller);
        List<FieldViolation> violations = new ArrayList<>();
        if (requestId != null && requestId.length() > 128) {
            violations.add(new FieldViolation("request_id", "at most 128 characters"));
        }
        LocalDate day = validateDay(unitCode, date, violations);
        if (csv == null || csv.length == 0) {
            violations.add(new FieldViolation("csv", "the settlement file is required"));
        } else if (csv.length > MAX_FILE_BYTES) {
            violations.add(new FieldViolation("csv", "larger than " + MAX_FILE_BYTES + " bytes"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        List<SettlementLine> lines;
        try {
            lines = SettlementFile.parse(csv);
        } catch (InvalidSettlementFile e) {
            throw DomainException.invalid("csv", e.getMessage());
        }
        ReconciliationAccess.requireUnit(caller, unitCode);
        String fileHash = sha256(csv);
        String fingerprint = RequestIdempotency.fingerprint(unitCode, day, fileHash);
        Instant now = clock.instant();
        int imported = tx.executeWrite(status -> {
            RequestIdempotency.Claim claim = requests.claim(caller, IMPORT, requestId, fingerprint, now);
            if (claim.isReplay()) {
                return Integer.parseInt(claim.resultRef());
            }
            settlements.replace(
                    unitCode,
                    day,
                    lines,
                    fileHash,
                    caller.username() == null ? caller.subject() : caller.username(),
                    now);
            claim.complete(Integer.toString(lines.size()));
            return lines.size();
        });
        return new ImportedSettlement(imported, reconcile(unitCode, day));
    }

    public Reconciliation get(Caller caller, String unitCode, String date) {
        ReconciliationAccess.requireRole(caller);
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate day = validateDay(unitCode, date, violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        ReconciliationAccess.requireUnit(caller, unitCode);
        return reconcile(unitCode, day);
    }

    private Reconciliation reconcile(String unitCode, LocalDate day) {
        return tx.executeRead(status -> {
            if (!settlements.imported(unitCode, day)) {
                return Reconciliation.notImported(unitCode, day);
            }
            List<SettlementLine> lines = settlements.lines(unitCode, day);
            List<PaidOrder> paid = orders.settledBetween(
                    unitCode,
                    day.atStartOfDay(Vietnam.ZONE).toInstant(),
                    day.plusDays(1).atStartOfDay(Vietnam.ZONE).toInstant());
            Set<String> paidRefs = paid.stream().map(PaidOrder::orderRef).collect(Collectors.toSet());
            List<String> unknown = lines.stream()
                    .map(SettlementLine::orderRef)
                    .filter(ref -> !paidRefs.contains(ref))
                    .toList();
            List<PaidOrder> known = unknown.isEmpty() ? List.of() : orders.byOrderRefs(unknown);
            return SettlementMatcher.match(unitCode, day, lines, paid, known);
        });
    }

    private static LocalDate validateDay(String unitCode, String date, List<FieldViolation> violations) {
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            violations.add(new FieldViolation("unit_code", "required: 1 to 32 letters, digits, '.', '_' or '-'"));
        }
        try {
            return LocalDate.parse(date == null ? "" : date, DATE);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation("date", "required: a day as yyyy-MM-dd"));
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
