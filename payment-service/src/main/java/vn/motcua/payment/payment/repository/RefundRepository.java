package vn.motcua.payment.payment.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.payment.domain.RefundState;
import vn.motcua.platform.db.UtcTimestamps;

/** Refunds of payments; changed only while the payment's row is locked. */
@Singleton
public class RefundRepository {

    private final JdbcOperations jdbc;

    public RefundRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Refund r) {
        jdbc.prepareStatement(
                "INSERT INTO refund (id, payment_id, amount_dong, reason, state, requested_by, requested_at,"
                        + " settled_at, provider_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, r.id());
                    ps.setString(2, r.paymentId());
                    ps.setLong(3, r.amountDong());
                    ps.setString(4, r.reason());
                    ps.setString(5, r.state().name());
                    ps.setString(6, r.requestedBy());
                    UtcTimestamps.bind(ps, 7, r.requestedAt());
                    UtcTimestamps.bind(ps, 8, r.settledAt());
                    ps.setString(9, r.providerCode());
                    return ps.executeUpdate();
                });
    }

    public void update(Refund r) {
        jdbc.prepareStatement("UPDATE refund SET state = ?, settled_at = ?, provider_code = ? WHERE id = ?", ps -> {
            ps.setString(1, r.state().name());
            UtcTimestamps.bind(ps, 2, r.settledAt());
            ps.setString(3, r.providerCode());
            ps.setString(4, r.id());
            return ps.executeUpdate();
        });
    }

    public Optional<Refund> find(String id) {
        return all("SELECT * FROM refund WHERE id = ?", id).stream().findFirst();
    }

    /** Oldest first. */
    public List<Refund> ofPayment(String paymentId) {
        return all("SELECT * FROM refund WHERE payment_id = ? ORDER BY requested_at, id", paymentId);
    }

    /** Refunds still SUBMITTED that were asked for before {@code before}, oldest first: the sweep asks again. */
    public List<Refund> submittedBefore(java.time.Instant before, int limit) {
        return jdbc.prepareStatement(
                "SELECT * FROM refund WHERE state = 'SUBMITTED' AND requested_at < ? ORDER BY requested_at LIMIT ?",
                ps -> {
                    UtcTimestamps.bind(ps, 1, before);
                    ps.setInt(2, limit);
                    List<Refund> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(map(rs));
                        }
                    }
                    return out;
                });
    }

    /** Refunds asked of the provider but not answered yet: they hold their amount against the refundable sum. */
    public long pendingDong(String paymentId) {
        return ofPayment(paymentId).stream()
                .filter(r -> r.state() == RefundState.SUBMITTED)
                .mapToLong(Refund::amountDong)
                .sum();
    }

    private List<Refund> all(String sql, String key) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, key);
            List<Refund> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    private static Refund map(ResultSet rs) throws SQLException {
        return new Refund(
                rs.getString("id"),
                rs.getString("payment_id"),
                rs.getLong("amount_dong"),
                rs.getString("reason"),
                RefundState.valueOf(rs.getString("state")),
                rs.getString("requested_by"),
                UtcTimestamps.read(rs, "requested_at"),
                UtcTimestamps.read(rs, "settled_at"),
                rs.getString("provider_code"));
    }
}
