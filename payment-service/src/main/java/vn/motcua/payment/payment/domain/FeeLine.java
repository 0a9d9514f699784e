package vn.motcua.payment.payment.domain;

/** One fee item of a payment request, as the catalogue pins it; amount in integer đồng. */
public record FeeLine(String name, long amountDong, String legalBasis) {}
