/**
 * Validation results as values, shared by the domain services and the web layer: a
 * {@link org.openvto.validation.FieldError} names a rejected input field and the rule it broke (shown next to
 * the field in the console, returned by the API as {@code {"field": …, "message": …}}),
 * {@link org.openvto.validation.Violations} collects them during one check, and the sealed
 * {@link org.openvto.validation.Result} says that a change was either applied or rejected with its field
 * errors and nothing written. Part of the {@code common} module: depends only on the JDK.
 */
package org.openvto.validation;
