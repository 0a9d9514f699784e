package vn.motcua.report.reception.domain;

import java.time.LocalDate;

/** Dossiers received by one unit on one local day. */
public record DailyReceptionCount(String unitCode, LocalDate date, long received) {}
