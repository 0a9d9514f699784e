package vn.motcua.report.indicator;

/**
 * The hand-made world of the 766 ITs (figures worked out by hand in IndicatorScoresIT). Province 30 > district 298
 * (communes 11077, 11080) and district 297 (commune 10999). Procedures: P1 requires a paper result and is offered
 * fully online; P2 and P3 need no paper result and are partly online. Period of interest: March 2026 (local).
 */
public final class IndicatorWorld {

    static final int ONLINE_FULL = 3;
    static final int ONLINE_PARTIAL = 2;

    private IndicatorWorld() {}

    public static FactFixture build() {
        FactFixture w = new FactFixture()
                .unit("30", "Tỉnh Hải Dương", 1, null)
                .unit("298", "Huyện Tứ Kỳ", 2, "30")
                .unit("11077", "Xã Tây Kỳ", 3, "298")
                .unit("11080", "Xã Dân Chủ", 3, "298")
                .unit("297", "Huyện Gia Lộc", 2, "30")
                .unit("10999", "Xã Gia Tân", 3, "297")
                .procedure("P1", "HT", true, ONLINE_FULL)
                .procedure("P2", "DD", false, ONLINE_PARTIAL)
                .procedure("P3", "TC", false, ONLINE_PARTIAL);

        // commune 11077
        w.fact("A1", "11077")
                .procedure("P2")
                .receivedAt("2026-02-20T09:00")
                .due("2026-03-10T17:00")
                .finished("2026-03-05T10:00", "ISSUED", "EARLY", true)
                .assignee("can.bo.a");
        w.fact("A2", "11077")
                .procedure("P2")
                .receivedAt("2026-02-10T09:00")
                .due("2026-02-27T17:00")
                .finished("2026-02-25T10:00", "ISSUED", "EARLY", true)
                .assignee("can.bo.a");
        w.fact("A3", "11077")
                .procedure("P1")
                .channel("ONLINE")
                .receivedAt("2026-02-15T09:00")
                .due("2026-03-20T17:00");
        w.fact("A4", "11077")
                .procedure("P1")
                .channel("ONLINE")
                .receivedAt("2026-03-02T08:00")
                .due("2026-03-16T17:00")
                .finished("2026-03-10T10:00", "ISSUED", "EARLY", true)
                .assignee("can.bo.a");
        w.digitization("A4", true, true, true, false).payment("A4", "PAID", "ONLINE", "2026-03-02T09:00");
        w.fact("A5", "11077")
                .procedure("P1")
                .channel("ONLINE")
                .receivedAt("2026-03-03T08:00")
                .due("2026-03-20T17:00")
                .finished("2026-03-25T10:00", "ISSUED", "LATE", false)
                .supplements(1)
                .assignee("can.bo.b");
        w.digitization("A5", true, false, false, false).payment("A5", "PAID", "COUNTER", "2026-03-04T09:00");
        w.fact("A6", "11077").procedure("P3").receivedAt("2026-03-10T08:00").due("2026-04-15T17:00");
        w.payment("A6", "REQUESTED", null, null);
        w.fact("A7", "11077")
                .procedure("P2")
                .channel("POSTAL")
                .receivedAt("2026-03-15T08:00")
                .due("2026-03-25T17:00");
        // a payment request cancelled by an officer is no financial obligation
        w.payment("A7", "CANCELLED", null, null);
        w.fact("A8", "11077")
                .procedure("P2")
                .channel("ONLINE")
                .receivedAt("2026-03-20T08:00")
                .due("2026-04-10T17:00")
                .finished("2026-03-28T10:00", "WITHDRAWN", "EARLY", true)
                .assignee("can.bo.b");
        // 23:30 on 31 March in Hanoi is still March; 00:10 on 1 April (17:10 UTC on the 31st) is not
        w.fact("A9", "11077").procedure("P1").receivedAt("2026-03-31T23:30").due("2026-04-05T17:00");
        w.fact("A10", "11077").procedure("P1").receivedAt("2026-04-01T00:10").due("2026-04-20T17:00");
        w.fact("A11", "11077")
                .procedure("P3")
                .channel("ONLINE")
                .receivedAt("2026-03-05T08:00")
                .due("2026-03-25T17:00")
                .finished("2026-03-20T10:00", "ISSUED", "EARLY", false)
                .supplements(2)
                .rating(4, false)
                .assignee("can.bo.b");
        w.payment("A11", "PAID", "ONLINE", "2026-03-06T09:00").digitization("A11", false, false, true, true);
        w.fact("A12", "11077")
                .procedure("P2")
                .receivedAt("2026-03-06T08:00")
                .due("2026-03-30T17:00")
                .finished("2026-04-03T10:00", "ISSUED", "LATE", false)
                .assignee("can.bo.a");
        // never received: counts nowhere
        w.fact("A13", "11077").procedure("P2");
        w.fact("A14", "11077")
                .procedure("P1")
                .receivedAt("2026-03-12T08:00")
                .due("2026-03-26T17:00")
                .finished("2026-03-14T10:00", "ISSUED", "EARLY", true)
                .imported()
                .assignee("can.bo.a");

        // commune 11080
        w.fact("B1", "11080")
                .procedure("P3")
                .channel("ONLINE")
                .receivedAt("2026-03-04T08:00")
                .due("2026-03-20T17:00")
                .finished("2026-03-06T10:00", "ISSUED", "EARLY", true)
                .assignee("can.bo.c");
        w.payment("B1", "PAID", "ONLINE", "2026-03-04T10:00").digitization("B1", true, true, false, false);
        w.fact("B2", "11080").procedure("P1").receivedAt("2026-03-05T08:00").due("2026-04-10T17:00");

        // the district's own dossier, received at commune 11077's desk
        w.fact("C1", "298")
                .receivingUnit("11077")
                .procedure("P2")
                .receivedAt("2026-03-08T08:00")
                .due("2026-03-20T17:00")
                .finished("2026-03-09T10:00", "ISSUED", "EARLY", true)
                .assignee("can.bo.c");

        // the other district
        w.fact("D1", "10999")
                .procedure("P1")
                .channel("ONLINE")
                .receivedAt("2026-03-02T08:00")
                .due("2026-03-20T17:00")
                .finished("2026-03-05T10:00", "ISSUED", "EARLY", true);
        w.digitization("D1", true, true, false, false);

        // PAKN of 11077; an open one is in time while received on or after 11 March (31 March + 1 day - 21 days)
        w.feedback("F1", "11077", null, "2026-03-05T09:00", true, false, false, "REGULATION_IN_COMPETENCE", true);
        w.feedback("F2", "11077", "A8", "2026-03-10T09:00", false, false, false, "STAFF_BEHAVIOUR", false);
        w.feedback("F3", "11077", null, "2026-03-25T09:00", null, false, true, "REGULATION_IN_COMPETENCE", true);
        w.feedback("F4", "11077", null, "2026-03-01T09:00", null, false, false, null, null);
        w.feedback("F5", "11077", null, "2026-02-20T09:00", true, false, false, "NOT_ACCEPTED", false);

        w.certifiedCopy("CT-1", "11077", "2026-03-15T10:00");
        w.certifiedCopy("CT-2", "11080", "2026-02-15T10:00");
        return w;
    }
}
