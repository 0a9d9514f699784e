package vn.motcua.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.testing.TestDatabase;

/**
 * Migration V7 on a database that already holds dossiers (issue 16): each existing dossier takes the legal regime in
 * force on the day it was filed, and keeps the code it was numbered with as its legal code. Decree 118/2025 is in
 * force from 1 July 2025 00:00 in Vietnam (2025-06-30 17:00 UTC; instants are stored as UTC, ADR 0002); the day of
 * filing is the online submission, else the reception (ADR 0004).
 */
class RegimeBackfillOnExistingRowsIT {

    private final TestDatabase db = TestDatabase.create(getClass().getSimpleName());

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void existingDossiersTakeTheRegimeOfTheDayTheyWereFiledAndKeepTheirCodes() throws SQLException {
        migrate("6");
        // the last second of the 2018 rules, at the counter
        insert("H30-250630-0001", "COUNTER", null, "2025-06-30 16:59:59");
        // submitted online under the 2018 rules, accepted under the 2025 ones: the submission decides
        insert("H30-250702-0001", "ONLINE", "2025-06-30 16:00:00", "2025-07-02 02:00:00");
        // the first moment of 1 July 2025 in Vietnam
        insert("H30-250701-0001", "COUNTER", null, "2025-06-30 17:00:00");
        // never received nor submitted (a row as V1 allowed it): the day it was created
        insert("H30-260309-0001", "COUNTER", null, null);

        migrate(null);

        Map<String, String> regimes = new LinkedHashMap<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT code, legal_regime, legal_code, submission_reference FROM dossier ORDER BY code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                regimes.put(rs.getString(1), rs.getString(2));
                assertThat(rs.getString(3))
                        .as("legal code of " + rs.getString(1))
                        .isEqualTo(rs.getString(1));
                assertThat(rs.getString(4)).isNull();
            }
        }
        assertThat(regimes)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "H30-250630-0001", "REGIME_2018",
                        "H30-250702-0001", "REGIME_2018",
                        "H30-250701-0001", "REGIME_2025",
                        "H30-260309-0001", "REGIME_2025"));
    }

    private void migrate(String target) {
        Map<String, String> props = db.micronautProperties();
        var config = Flyway.configure()
                .dataSource(db.jdbcUrl(), "root", props.get("datasources.default.password"))
                .locations("classpath:db/migration");
        if (target != null) {
            config.target(target);
        }
        config.load().migrate();
    }

    private void insert(String code, String channel, String submittedAt, String receivedAt) throws SQLException {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement("INSERT INTO dossier (code, procedure_code,"
                        + " procedure_version, procedure_name, receiving_unit_code, competent_unit_code,"
                        + " handling_unit_code, state, channel, applicant_name, submitted_at, received_at,"
                        + " extension_used, created_at, updated_at) VALUES (?, '1.000894', 1, 'Đăng ký kết hôn',"
                        + " '11077', '11077', '11077', 'RECEIVED', ?, 'Nguyễn Văn A', ?, ?, FALSE,"
                        + " COALESCE(?, ?, '2026-03-09 01:00:00'), '2026-03-09 01:00:00')")) {
            ps.setString(1, code);
            ps.setString(2, channel);
            ps.setString(3, submittedAt);
            ps.setString(4, receivedAt);
            ps.setString(5, submittedAt);
            ps.setString(6, receivedAt);
            ps.executeUpdate();
        }
    }
}
