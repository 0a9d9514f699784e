package vn.motcua.payment.reconciliation.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import vn.motcua.payment.reconciliation.domain.PaidOnlineOrders;
import vn.motcua.payment.reconciliation.domain.PaidOrder;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Successful online attempts from the payment tables (payment_attempt joined to payment; columns agreed in the
 * payment brief: order_ref, payment_id, state = 'SUCCESS', amount_dong, settled_at, transaction_no; unit_code,
 * dossier_code).
 */
@Singleton
public class JdbcPaidOnlineOrders implements PaidOnlineOrders {

    private static final String SELECT = "SELECT a.order_ref, a.payment_id, p.unit_code, p.dossier_code,"
            + " a.amount_dong, a.transaction_no, a.settled_at FROM payment_attempt a JOIN payment p"
            + " ON p.id = a.payment_id WHERE a.state = 'SUCCESS'";
    /** Order references per query: keeps the IN list far below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final JdbcOperations jdbc;

    public JdbcPaidOnlineOrders(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PaidOrder> settledBetween(String unitCode, Instant from, Instant to) {
        return jdbc.prepareStatement(
                SELECT + " AND p.unit_code = ? AND a.settled_at >= ? AND a.settled_at < ? ORDER BY a.order_ref", ps -> {
                    ps.setString(1, unitCode);
                    UtcTimestamps.bind(ps, 2, from);
                    UtcTimestamps.bind(ps, 3, to);
                    return read(ps.executeQuery());
                });
    }

    @Override
    public List<PaidOrder> byOrderRefs(Collection<String> orderRefs) {
        List<String> all = List.copyOf(orderRefs);
        List<PaidOrder> out = new ArrayList<>();
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            out.addAll(jdbc.prepareStatement(
                    SELECT + " AND a.order_ref IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    ps -> {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 1, chunk.get(i));
                        }
                        return read(ps.executeQuery());
                    }));
        }
        return out;
    }

    private static List<PaidOrder> read(ResultSet rs) throws SQLException {
        try (rs) {
            List<PaidOrder> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new PaidOrder(
                        rs.getString("order_ref"),
                        rs.getString("payment_id"),
                        rs.getString("unit_code"),
                        rs.getString("dossier_code"),
                        rs.getLong("amount_dong"),
                        rs.getString("transaction_no"),
                        UtcTimestamps.read(rs, "settled_at")));
            }
            return out;
        }
    }
}
