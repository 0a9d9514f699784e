package vn.motcua.report.it;

import java.util.ArrayList;
import java.util.List;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.payment.v1.PaymentStatus;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ImportedPayment;

/**
 * A deterministic population for the rebuild ITs (and their events/s log line): {@code n} dossiers over two communes
 * and April-May 2026, every outcome, with payments, digitization and a few PAKN, plus {@code n / 10} imported
 * dossiers of 2025.
 */
public final class GeneratedLoad {

    private GeneratedLoad() {}

    public static void append(ReportScenario s, int n) {
        for (int i = 0; i < n; i++) {
            String unit = i % 3 == 0 ? "11080" : "11077";
            String day = String.format("2026-%02d-%02d", 4 + (i % 2), 1 + (i % 28));
            String dueDay = String.format("2026-%02d-%02d", 4 + (i % 2), Math.min(28, 3 + (i % 28)));
            String code = "G-" + unit + "-" + i;
            Channel channel =
                    i % 5 == 0 ? Channel.CHANNEL_ONLINE : i % 7 == 0 ? Channel.CHANNEL_POSTAL : Channel.CHANNEL_COUNTER;
            var d = s.dossiers
                    .dossier("G" + i, code, unit, i % 4 == 0 ? "2.000001" : "1.001193", channel)
                    .path("30", "298", unit);
            if (channel == Channel.CHANNEL_ONLINE) {
                d.submitted(day + " 07:00");
            }
            d.received(code, day + " 08:" + String.format("%02d", i % 60), dueDay + " 17:00");
            d.assigned("cv" + (i % 4));
            if (i % 6 == 1) {
                d.supplementRequested(dueDay + " 08:00");
                d.supplementReceived(dueDay + " 10:00");
            }
            switch (i % 8) {
                case 0, 1, 2 ->
                    d.issued(day.substring(0, 8) + String.format("%02d", Math.min(28, 2 + (i % 28))) + " 09:00");
                case 3 -> d.issued(dueDay + " 18:00");
                case 4 ->
                    d.ended("WITHDRAWN", DossierStatus.DOSSIER_STATUS_WITHDRAWN, "dossier.withdrawn", day + " 15:00");
                case 5 -> d.extended(dueDay.substring(0, 8) + "28 17:00");
                default -> {
                    // still open
                }
            }
            if (i % 9 == 0) {
                d.rated(i % 18 == 0, day + " 20:00");
            }
            if (i % 4 == 0 && i % 3 != 0) {
                s.payments.payment("GP" + i, code, PaymentStatus.PAYMENT_STATUS_AWAITING, null);
                if (i % 8 == 0) {
                    s.payments.payment("GP" + i, code, PaymentStatus.PAYMENT_STATUS_PAID, day + " 11:00");
                }
            }
            if (i % 5 == 0) {
                s.digitization.digitization(code, true, i % 10 == 0, day + " 12:00");
            }
            if (i % 50 == 0) {
                s.dossiers.feedback("GF" + i, unit, code, day + " 21:00");
            }
        }
    }

    public static List<FixedImportedHistory.Row> imports(int n) {
        List<FixedImportedHistory.Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = "OLD-" + i;
            String day = String.format("2025-%02d-%02d", 1 + (i % 12), 1 + (i % 28));
            rows.add(new FixedImportedHistory.Row(
                    new DossierFact(
                            DossierFact.IMPORT_PREFIX + code,
                            code,
                            i % 2 == 0 ? "11077" : "11080",
                            i % 2 == 0 ? "11077" : "11080",
                            null,
                            List.of("30", "298", i % 2 == 0 ? "11077" : "11080"),
                            i % 3 == 0 ? "2.000001" : "1.001193",
                            0,
                            i % 4 == 0 ? "ONLINE" : "COUNTER",
                            "RETURNED",
                            i % 10 == 0 ? "WITHDRAWN" : "ISSUED",
                            "REGIME_2018",
                            false,
                            false,
                            FeedScript.instant(day + " 08:00"),
                            FeedScript.instant(day + " 08:00"),
                            FeedScript.instant(day + " 17:00").plusSeconds(86_400L * 3),
                            FeedScript.instant(day + " 17:00").plusSeconds(86_400L * 3),
                            FeedScript.instant(day + " 09:00").plusSeconds(86_400L * (i % 6)),
                            0,
                            i % 7 == 0 ? 2 : 0,
                            null,
                            null,
                            true,
                            "IMPORT-RUN-1"),
                    new ImportedPayment(i % 3 == 0, i % 6 == 0, 30_000),
                    new ImportedDigitization(i % 2 == 0, i % 4 == 0, i % 5 == 0, false)));
        }
        return rows;
    }
}
