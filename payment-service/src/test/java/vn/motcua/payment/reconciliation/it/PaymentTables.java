package vn.motcua.payment.reconciliation.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import vn.motcua.platform.testing.TestDatabase;

/**
 * Rows in the payment tables that reconciliation reads (payment, payment_attempt, created by the payment feature's
 * migrations), written over plain JDBC so the reconciliation tests need nothing of the payment feature but its
 * schema. Columns reconciliation does not read get the values a real online payment would have.
 */
final class PaymentTables {

    /** Opens a connection to the database under test. */
    interface Connections {
        Connection open() throws SQLException;
    }

    private static final String CREATED = "2026-01-01 00:00:00";

    private final Connections connections;

    private PaymentTables(Connections connections) {
        this.connections = connections;
    }

    static PaymentTables mariaDb(TestDatabase db) {
        return new PaymentTables(db::connect);
    }

    /** H2 in MySQL mode, the embedded default. */
    static PaymentTables h2(Connections connections) {
        return new PaymentTables(connections);
    }

    void payment(String id, String unitCode, String dossierCode) throws SQLException {
        execute(
                "INSERT INTO payment (id, dossier_code, unit_code, procedure_code, payer_name, payer_citizen_id,"
                        + " amount_dong, online_discount_percent, state, created_at, expires_at, updated_at,"
                        + " created_by, revision) VALUES (?, ?, ?, '1.001193', 'Nguyễn Văn An', '030090001234', 0, 0,"
                        + " 'STARTED', ?, ?, ?, 'test', 1)",
                id,
                dossierCode,
                unitCode,
                CREATED,
                CREATED,
                CREATED);
    }

    /** An online attempt; its number is the order reference's suffix (order_ref = payment id - attempt number). */
    void attempt(String orderRef, String paymentId, String state, long amount, String transactionNo, Instant settledAt)
            throws SQLException {
        int attemptNo = Integer.parseInt(orderRef.substring(orderRef.lastIndexOf('-') + 1));
        execute(
                "INSERT INTO payment_attempt (order_ref, payment_id, attempt_no, state, amount_dong, transaction_no,"
                        + " return_url, redirect_url, started_at, expire_at, settled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, 'http://127.0.0.1:8080/', 'http://127.0.0.1:8090/pay', ?, ?, ?)",
                orderRef,
                paymentId,
                attemptNo,
                state,
                amount,
                transactionNo,
                CREATED,
                CREATED,
                // instants as UTC text, as the services bind them (UtcTimestamps)
                settledAt == null
                        ? null
                        : LocalDateTime.ofInstant(settledAt, ZoneOffset.UTC)
                                .toString()
                                .replace('T', ' '));
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = connections.open();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
