package vn.motcua.dossier.unit.domain;

import vn.motcua.dossier.unit.UnitLevel;

/** A unit to create, as typed by the administrator (already checked field by field). */
public record NewUnitSpec(String code, String agencyCode, String name, UnitLevel level, String parentCode) {}
