package vn.motcua.report.it;

import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierStatus;
import vn.motcua.proto.payment.v1.PaymentStatus;

/**
 * The projection ITs' scenario (March 2026, Hanoi times), with the figures it must give computed by hand in
 * ProjectionCountersIT. Province 30 > district 298 > commune 11077; commune 11080 is only ever named on a dossier's
 * unit path. Procedures 1.001193 (field "Hộ tịch") and 2.000001 ("Đất đai", requires a paper result).
 * <ul>
 *   <li>D1 counter 11077 1.001193: received 2/3 08:00, due 5/3 17:00, assigned, issued 4/3 10:00 (early), rated
 *       satisfied</li>
 *   <li>D2 online 11077 2.000001: submitted 1/3 20:00 as REF-2, accepted 2/3 09:00 as ...-0002 (due 6/3 17:00),
 *       extended to 10/3 17:00, issued 9/3 09:00 (late against the original due, with an apology; on time for 766);
 *       paid online; digitized (its components while it was still REF-2) with an electronic result</li>
 *   <li>D3 postal 11080 1.001193: received 3/3 08:00, due 4/3 17:00, withdrawn 3/3 15:00</li>
 *   <li>D4 counter 11077 1.001193: received 3/3 10:00, due 5/3 17:00, supplement 4/3 08:00-11:00, issued 5/3 19:00
 *       (late; on time for 766 once the 3 h pause is taken off); a PAKN names it</li>
 *   <li>D5 counter 11077 2.000001: a supplement asked before reception, received 4/3 08:00, due 20/3 17:00, open</li>
 *   <li>D6 counter 11077 1.001193: received 2/3 08:00, due 4/3 17:00, refused 6/3 08:00 (late)</li>
 *   <li>D7 online 11077 1.001193: submitted 2/3 and rejected 3/3: never received, counts nowhere</li>
 * </ul>
 */
public final class ReportScenario {

    public static final String D2_CODE = "H30.298.11077-260302-0002";
    public static final String D4_CODE = "H30.298.11077-260303-0004";

    public final FeedScript dossiers = new FeedScript(FeedScript.DOSSIER_SOURCE);
    public final FeedScript payments = new FeedScript(FeedScript.PAYMENT_SOURCE);
    public final FeedScript digitization = new FeedScript(FeedScript.DIGITIZATION_SOURCE);

    public ReportScenario() {
        FeedScript d = dossiers;
        d.unit("30", "Tỉnh Hải Dương", UnitLevel.UNIT_LEVEL_PROVINCE, null);
        d.unit("298", "Huyện Tứ Kỳ", UnitLevel.UNIT_LEVEL_DISTRICT, "30");
        d.unit("11077", "Xã Ngọc Sơn", UnitLevel.UNIT_LEVEL_COMMUNE, "298");
        d.procedure("1.001193", 1, "Hộ tịch", false);
        d.procedure("2.000001", 1, "Đất đai", true);

        var d1 = d.dossier("A1", "H30.298.11077-260302-0001", "11077", "1.001193", Channel.CHANNEL_COUNTER)
                .received("H30.298.11077-260302-0001", "2026-03-02 08:00", "2026-03-05 17:00");
        var d2 = d.dossier("A2", "REF-2", "11077", "2.000001", Channel.CHANNEL_ONLINE)
                .submitted("2026-03-01 20:00");
        var d6 = d.dossier("A6", "H30.298.11077-260302-0006", "11077", "1.001193", Channel.CHANNEL_COUNTER)
                .received("H30.298.11077-260302-0006", "2026-03-02 08:00", "2026-03-04 17:00");
        d2.received(D2_CODE, "2026-03-02 09:00", "2026-03-06 17:00");
        var d7 = d.dossier("A7", "REF-7", "11077", "1.001193", Channel.CHANNEL_ONLINE)
                .submitted("2026-03-02 10:00");
        d1.assigned("cv.ngocson");
        var d3 = d.dossier("A3", "H30.298.11080-260303-0003", "11080", "1.001193", Channel.CHANNEL_POSTAL)
                .path("30", "298", "11080")
                .received("H30.298.11080-260303-0003", "2026-03-03 08:00", "2026-03-04 17:00");
        var d4 = d.dossier("A4", D4_CODE, "11077", "1.001193", Channel.CHANNEL_COUNTER)
                .received(D4_CODE, "2026-03-03 10:00", "2026-03-05 17:00");
        d7.rejected("2026-03-03 11:00");
        d3.ended("WITHDRAWN", DossierStatus.DOSSIER_STATUS_WITHDRAWN, "dossier.withdrawn", "2026-03-03 15:00");
        var d5 = d.dossier("A5", "H30.298.11077-260304-0005", "11077", "2.000001", Channel.CHANNEL_COUNTER)
                .preSupplement();
        d4.supplementRequested("2026-03-04 08:00");
        d1.issued("2026-03-04 10:00");
        d5.received("H30.298.11077-260304-0005", "2026-03-04 08:00", "2026-03-20 17:00");
        d4.supplementReceived("2026-03-04 11:00");
        d.feedback("FB1", "11077", D4_CODE, "2026-03-05 08:00");
        d1.rated(true, "2026-03-05 09:00");
        d4.issued("2026-03-05 19:00");
        d6.ended("REFUSED", DossierStatus.DOSSIER_STATUS_REFUSED, "dossier.refused", "2026-03-06 08:00");
        d2.extended("2026-03-10 17:00");
        d2.issued("2026-03-09 09:00");

        payments.payment("P1", D2_CODE, PaymentStatus.PAYMENT_STATUS_AWAITING, null);
        payments.payment("P1", D2_CODE, PaymentStatus.PAYMENT_STATUS_PAID, "2026-03-02 10:30");

        // under D2's stable key (its feed aggregate id), the first while it still went by its reference
        digitization.digitization("A2", "REF-2", true, false, "2026-03-01 21:00");
        digitization.digitization("A2", D2_CODE, true, true, "2026-03-09 08:30");
    }
}
