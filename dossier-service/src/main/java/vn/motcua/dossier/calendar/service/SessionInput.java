package vn.motcua.dossier.calendar.service;

/**
 * One typed weekly session.
 *
 * @param weekday MONDAY..SUNDAY, or MAKEUP for a make-up working day; null when the caller sent none
 */
public record SessionInput(String weekday, String start, String end) {}
