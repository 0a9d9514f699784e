package vn.motcua.dossier.unit;

public enum UnitLevel {
    PROVINCE,
    DISTRICT,
    COMMUNE
}
