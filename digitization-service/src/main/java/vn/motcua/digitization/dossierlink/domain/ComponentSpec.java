package vn.motcua.digitization.dossierlink.domain;

/**
 * One entry of a procedure version's component list (thành phần hồ sơ), as the catalogue lists it.
 *
 * @param number 1-based position in the list
 */
public record ComponentSpec(int number, String name, boolean presentOnly) {}
