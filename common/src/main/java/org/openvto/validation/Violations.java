package org.openvto.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects {@link FieldError}s while a form or API body is checked. Not thread-safe; one per check. */
public final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    /** Records {@code message} for {@code field} unless {@code ok}. Returns {@code ok}. */
    public boolean check(boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
        return ok;
    }

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public void addAll(List<FieldError> more) {
        errors.addAll(more);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public boolean has(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }
}
