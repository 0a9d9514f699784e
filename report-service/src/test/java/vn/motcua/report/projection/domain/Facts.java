package vn.motcua.report.projection.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.report.reception.domain.LocalDates;

/** Dossier facts for the domain tests, built step by step; times are Hanoi wall-clock times. */
final class Facts {

    private String channel = "COUNTER";
    private String unit = "11077";
    private String receiving = "11077";
    private boolean boundaryFree;
    private boolean extensionUsed;
    private Instant received;
    private Instant originalDue;
    private Instant due;
    private Instant finished;
    private String resultKind;
    private long paused;
    private int supplements;
    private DossierFact.Rating rating;

    static Facts receivedAt(String hanoi) {
        Facts f = new Facts();
        f.received = at(hanoi);
        return f;
    }

    static Facts notReceived() {
        return new Facts();
    }

    /** A Hanoi wall-clock time such as "2026-03-02 17:00" or "2026-03-02 17:00:01". */
    static Instant at(String hanoi) {
        String text = hanoi.length() == 16 ? hanoi + ":00" : hanoi;
        return LocalDateTime.parse(text.replace(' ', 'T'))
                .atZone(LocalDates.ZONE)
                .toInstant();
    }

    Facts channel(String channel) {
        this.channel = channel;
        return this;
    }

    Facts unit(String unit) {
        this.unit = unit;
        return this;
    }

    Facts boundaryFree() {
        this.boundaryFree = true;
        this.receiving = "11080";
        return this;
    }

    Facts due(String hanoi) {
        this.due = at(hanoi);
        return this;
    }

    /** An extension: the original due stays, due_at moves. */
    Facts extendedTo(String hanoi) {
        this.originalDue = this.due;
        this.due = at(hanoi);
        this.extensionUsed = true;
        return this;
    }

    Facts ended(String kind, String hanoi) {
        this.resultKind = kind;
        this.finished = at(hanoi);
        return this;
    }

    Facts issued(String hanoi) {
        return ended("ISSUED", hanoi);
    }

    Facts paused(long seconds, int supplements) {
        this.paused = seconds;
        this.supplements = supplements;
        return this;
    }

    Facts rated(boolean satisfied) {
        this.rating = new DossierFact.Rating(2, 2, 2, 2, satisfied, finished);
        return this;
    }

    DossierFact build() {
        return new DossierFact(
                "F1",
                "H30.298.11077-260302-0001",
                unit,
                receiving,
                null,
                List.of("30", "298", receiving),
                "1.001193",
                1,
                channel,
                resultKind == null ? "IN_PROCESS" : "RETURNED",
                resultKind,
                "REGIME_2025",
                boundaryFree,
                extensionUsed,
                received,
                received,
                originalDue == null ? due : originalDue,
                due,
                finished,
                paused,
                supplements,
                null,
                rating,
                false,
                null);
    }
}
