package vn.motcua.report.task.domain;

/** One column of a campaign template: a key unique in the template, its Vietnamese header, its type. */
public record TemplateColumn(String key, String label, ColumnType type, boolean required) {}
