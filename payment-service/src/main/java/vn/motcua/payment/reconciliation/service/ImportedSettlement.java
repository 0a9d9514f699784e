package vn.motcua.payment.reconciliation.service;

import vn.motcua.payment.reconciliation.domain.Reconciliation;

/** What ImportSettlement answers: the number of lines imported and the day's reconciliation after it. */
public record ImportedSettlement(int lines, Reconciliation reconciliation) {}
