package org.openvto.web.internal.view;

import java.util.List;
import org.openvto.validation.FieldError;

/** Validation messages of a submitted form, looked up by field for display next to it. */
public record FormErrors(List<FieldError> errors) {
    public static final FormErrors NONE = new FormErrors(List.of());

    public List<String> of(String field) {
        return errors.stream().filter(e -> e.field().equals(field)).map(FieldError::message).toList();
    }

    public boolean any() {
        return !errors.isEmpty();
    }
}
