package vn.motcua.dossier.catalog.domain;

/** One finding of the catalogue review; {@code detail} explains it with the dates involved. */
public record ReviewItem(String code, int version, String name, ReviewIssue issue, String detail) {}
