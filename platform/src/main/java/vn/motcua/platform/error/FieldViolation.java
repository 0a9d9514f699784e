package vn.motcua.platform.error;

/** One invalid request field, reported as a google.rpc.BadRequest field violation. */
public record FieldViolation(String field, String description) {}
