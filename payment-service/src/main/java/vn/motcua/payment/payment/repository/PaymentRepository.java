package vn.motcua.payment.payment.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import vn.motcua.payment.payment.domain.FeeLine;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentChannel;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.platform.db.UtcTimestamps;
import vn.motcua.platform.paging.Page;

/**
 * Payments with their lines and scope rows. Commands read a payment with {@link #lock} inside their transaction,
 * so every change to one payment (callbacks, counter payments, refunds, the sweep) is serialised on its row; every
 * instant is bound through {@link UtcTimestamps}.
 */
@Singleton
public class PaymentRepository {

    private final JdbcOperations jdbc;

    public PaymentRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payment p, String createdBy) {
        jdbc.prepareStatement(
                "INSERT INTO payment (id, dossier_code, unit_code, procedure_code, payer_name, payer_citizen_id,"
                        + " amount_dong, online_discount_percent, paid_amount_dong, refunded_dong, state, channel,"
                        + " transaction_ref, current_attempt, created_at, paid_at, expires_at, updated_at,"
                        + " cancel_reason, created_by, revision)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, ?, NULL, NULL, 0, ?, NULL, ?, ?, NULL, ?, ?)",
                ps -> {
                    ps.setString(1, p.id());
                    ps.setString(2, p.dossierCode());
                    ps.setString(3, p.unitCode());
                    ps.setString(4, p.procedureCode());
                    ps.setString(5, p.payerName());
                    ps.setString(6, p.payerCitizenId());
                    ps.setLong(7, p.amountDong());
                    ps.setInt(8, p.onlineDiscountPercent());
                    ps.setString(9, p.state().name());
                    UtcTimestamps.bind(ps, 10, p.createdAt());
                    UtcTimestamps.bind(ps, 11, p.expiresAt());
                    UtcTimestamps.bind(ps, 12, p.updatedAt());
                    ps.setString(13, createdBy);
                    ps.setLong(14, p.revision());
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement(
                "INSERT INTO payment_line (payment_id, position, name, amount_dong, legal_basis) VALUES (?, ?, ?, ?, ?)",
                ps -> {
                    int position = 1;
                    for (FeeLine line : p.lines()) {
                        ps.setString(1, p.id());
                        ps.setInt(2, position++);
                        ps.setString(3, line.name());
                        ps.setLong(4, line.amountDong());
                        ps.setString(5, line.legalBasis() == null ? "" : line.legalBasis());
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                });
        jdbc.prepareStatement("INSERT INTO payment_scope (unit_code, payment_id, depth) VALUES (?, ?, ?)", ps -> {
            int depth = 0;
            for (String unit : p.unitPath()) {
                ps.setString(1, unit);
                ps.setString(2, p.id());
                ps.setInt(3, depth++);
                ps.addBatch();
            }
            return ps.executeBatch().length;
        });
    }

    public Optional<Payment> find(String id) {
        return one("SELECT * FROM payment WHERE id = ?", id);
    }

    /** The payment, row-locked until the surrounding transaction ends. */
    public Optional<Payment> lock(String id) {
        return one("SELECT * FROM payment WHERE id = ? FOR UPDATE", id);
    }

    /** Writes what transitions change; the row must be locked by {@link #lock}. */
    public void update(Payment p) {
        jdbc.prepareStatement(
                "UPDATE payment SET paid_amount_dong = ?, refunded_dong = ?, state = ?, channel = ?,"
                        + " transaction_ref = ?, current_attempt = ?, paid_at = ?, updated_at = ?, cancel_reason = ?,"
                        + " revision = ? WHERE id = ? AND revision = ?",
                ps -> {
                    if (p.paidAmountDong() == null) {
                        ps.setNull(1, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(1, p.paidAmountDong());
                    }
                    ps.setLong(2, p.refundedDong());
                    ps.setString(3, p.state().name());
                    ps.setString(4, p.channel() == null ? null : p.channel().name());
                    ps.setString(5, p.transactionRef());
                    ps.setInt(6, p.currentAttempt());
                    UtcTimestamps.bind(ps, 7, p.paidAt());
                    UtcTimestamps.bind(ps, 8, p.updatedAt());
                    ps.setString(9, p.cancelReason());
                    ps.setLong(10, p.revision());
                    ps.setString(11, p.id());
                    ps.setLong(12, p.revision() - 1);
                    if (ps.executeUpdate() != 1) {
                        // the row is locked by this transaction: another revision means a caller skipped lock()
                        throw new IllegalStateException("payment " + p.id() + " changed while locked");
                    }
                    return 1;
                });
    }

    /** Newest first within one dossier, optionally only the given states. */
    public List<Payment> ofDossier(String dossierCode, Collection<PaymentState> states, Page.Keyset after, int limit) {
        return list("p.dossier_code = ?", dossierCode, null, states, after, limit);
    }

    /**
     * Newest first among the payments in {@code unitCode}'s subtree that {@code callerUnit}'s subtree also holds
     * (both are on the payment's stored path).
     */
    public List<Payment> ofUnit(
            String unitCode, String callerUnit, Collection<PaymentState> states, Page.Keyset after, int limit) {
        return list(
                "EXISTS (SELECT 1 FROM payment_scope s WHERE s.payment_id = p.id AND s.unit_code = ?)",
                unitCode,
                callerUnit,
                states,
                after,
                limit);
    }

    private List<Payment> list(
            String where,
            String key,
            String callerUnit,
            Collection<PaymentState> states,
            Page.Keyset after,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT p.* FROM payment p WHERE ").append(where);
        if (callerUnit != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM payment_scope c WHERE c.payment_id = p.id AND c.unit_code = ?)");
        }
        if (!states.isEmpty()) {
            sql.append(" AND p.state IN (")
                    .append("?,".repeat(states.size() - 1))
                    .append("?)");
        }
        if (after.at() != null) {
            sql.append(" AND (p.created_at < ? OR (p.created_at = ? AND p.id < ?))");
        }
        sql.append(" ORDER BY p.created_at DESC, p.id DESC LIMIT ?");
        List<Payment> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            ps.setString(i++, key);
            if (callerUnit != null) {
                ps.setString(i++, callerUnit);
            }
            for (PaymentState s : states) {
                ps.setString(i++, s.name());
            }
            if (after.at() != null) {
                UtcTimestamps.bind(ps, i++, after.at());
                UtcTimestamps.bind(ps, i++, after.at());
                ps.setString(i++, after.id());
            }
            ps.setInt(i, limit);
            return readAll(ps);
        });
        return rows.stream().map(this::withDetails).toList();
    }

    /** Payments not paid by their expiry that the graph lets expire (CREATED, FAILED_*, STARTED). */
    public List<String> expirable(Instant now, int limit) {
        return jdbc.prepareStatement(
                "SELECT id FROM payment WHERE state IN ('CREATED', 'STARTED', 'FAILED_DECLINED', 'FAILED_TIMED_OUT',"
                        + " 'FAILED_CANCELLED_BY_PAYER') AND expires_at < ? ORDER BY expires_at LIMIT ?",
                ps -> {
                    UtcTimestamps.bind(ps, 1, now);
                    ps.setInt(2, limit);
                    List<String> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                });
    }

    private Optional<Payment> one(String sql, String id) {
        List<Payment> rows = jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            return readAll(ps);
        });
        return rows.stream().findFirst().map(this::withDetails);
    }

    private static List<Payment> readAll(PreparedStatement ps) throws SQLException {
        List<Payment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private Payment withDetails(Payment p) {
        List<FeeLine> lines = jdbc.prepareStatement(
                "SELECT name, amount_dong, legal_basis FROM payment_line WHERE payment_id = ? ORDER BY position",
                ps -> {
                    ps.setString(1, p.id());
                    List<FeeLine> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new FeeLine(rs.getString(1), rs.getLong(2), rs.getString(3)));
                        }
                    }
                    return out;
                });
        List<String> path =
                jdbc.prepareStatement("SELECT unit_code FROM payment_scope WHERE payment_id = ? ORDER BY depth", ps -> {
                    ps.setString(1, p.id());
                    List<String> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                    return out;
                });
        return p.withDetails(path, lines);
    }

    private static Payment map(ResultSet rs) throws SQLException {
        long paid = rs.getLong("paid_amount_dong");
        Long paidAmount = rs.wasNull() ? null : paid;
        String channel = rs.getString("channel");
        return new Payment(
                rs.getString("id"),
                rs.getString("dossier_code"),
                rs.getString("unit_code"),
                List.of(),
                rs.getString("procedure_code"),
                rs.getString("payer_name"),
                rs.getString("payer_citizen_id"),
                List.of(),
                rs.getLong("amount_dong"),
                rs.getInt("online_discount_percent"),
                paidAmount,
                rs.getLong("refunded_dong"),
                PaymentState.valueOf(rs.getString("state")),
                channel == null ? null : PaymentChannel.valueOf(channel),
                rs.getString("transaction_ref"),
                rs.getInt("current_attempt"),
                UtcTimestamps.read(rs, "created_at"),
                UtcTimestamps.read(rs, "paid_at"),
                UtcTimestamps.read(rs, "expires_at"),
                UtcTimestamps.read(rs, "updated_at"),
                rs.getString("cancel_reason"),
                rs.getLong("revision"));
    }
}
