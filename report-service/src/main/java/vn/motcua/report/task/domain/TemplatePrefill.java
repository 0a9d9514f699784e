package vn.motcua.report.task.domain;

/** What a new draft of a campaign report starts with. */
public enum TemplatePrefill {
    NONE,
    /** One row per procedure of the catalogue, "procedure_code" and "procedure_name" filled when the template has them. */
    PROCEDURES;

    public static final String PROCEDURE_CODE = "procedure_code";
    public static final String PROCEDURE_NAME = "procedure_name";
}
