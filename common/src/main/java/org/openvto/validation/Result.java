package org.openvto.validation;

import java.util.List;

/**
 * Outcome of a change request: either it was applied (with a value) or it was rejected with the
 * field errors and nothing was changed.
 */
public sealed interface Result<T> {
    record Applied<T>(T value) implements Result<T> {}

    record Rejected<T>(List<FieldError> errors) implements Result<T> {}

    static <T> Result<T> applied(T value) {
        return new Applied<>(value);
    }

    static <T> Result<T> rejected(List<FieldError> errors) {
        return new Rejected<>(List.copyOf(errors));
    }

    static <T> Result<T> rejected(String field, String message) {
        return new Rejected<>(List.of(new FieldError(field, message)));
    }
}
