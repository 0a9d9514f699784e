package vn.motcua.digitization.component.domain;

/** Where a component's electronic form came from (domain.md 10.3). */
public enum ComponentSource {
    UPLOAD,
    SCAN,
    WAREHOUSE,
    /** Data obtained from the national population database. */
    POPULATION_DATA,
    SECTOR_DATABASE,
    /** A still-valid earlier result. */
    PRIOR_RESULT;

    /** Reuses digitized data (Decision 766 4.3: DuocSoHoa). */
    public boolean reuse() {
        return this == WAREHOUSE || this == POPULATION_DATA || this == SECTOR_DATABASE || this == PRIOR_RESULT;
    }
}
