package org.openvto.validation;

/**
 * A rejected input field and the rule it broke, shown next to the field in the UI and returned by the
 * API as {@code {"field": …, "message": …}}.
 */
public record FieldError(String field, String message) {}
