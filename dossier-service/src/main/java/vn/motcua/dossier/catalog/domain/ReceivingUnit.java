package vn.motcua.dossier.catalog.domain;

/** A unit whose one-stop desk receives the procedure, and the unit competent to decide it when received there. */
public record ReceivingUnit(String unitCode, String competentUnitCode) {}
