package vn.motcua.gateway.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid input: the JSON path (or query parameter / header name) and what is wrong with it. */
@Serdeable
public record FieldError(String field, String message) {}
