package org.openvto.web.internal.view;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openvto.validation.FieldError;

/**
 * Validation messages of a submitted form, looked up by field for display next to it and listed in the error
 * summary at the top. {@code ids} maps a field name to its input's id where the two differ (SIP Server page).
 */
public record FormErrors(List<FieldError> errors, Map<String, String> ids) {
    public static final FormErrors NONE = new FormErrors(List.of());

    public FormErrors(List<FieldError> errors) {
        this(errors, Map.of());
    }

    /**
     * The errors with each message led by its field's label ({@code Unlock Period must be …}), so the summary names
     * the rule of every field; {@code label} answers {@code null} for a field whose message names it already.
     */
    public static FormErrors labelled(List<FieldError> errors, Function<String, String> label) {
        return new FormErrors(errors.stream()
                .map(e -> {
                    String l = label.apply(e.field());
                    return l == null || e.message().startsWith(l)
                            ? e
                            : new FieldError(e.field(), l + " " + e.message());
                })
                .toList());
    }

    public FormErrors withIds(Map<String, String> fieldIds) {
        return new FormErrors(errors, fieldIds);
    }

    public List<String> of(String field) {
        return errors.stream()
                .filter(e -> e.field().equals(field))
                .map(FieldError::message)
                .toList();
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    /** The id of the input for {@code field}, for the summary's links. */
    public String inputId(String field) {
        return ids.getOrDefault(field, field);
    }

    /** The id of the field's error text, which the input names in {@code aria-describedby}. */
    public static String errorId(String field) {
        return field + "-error";
    }

    /** {@code "true"} for an input whose field has an error, else {@code null} (jte then leaves the attribute out). */
    public String invalid(String field) {
        return of(field).isEmpty() ? null : "true";
    }

    public String describedBy(String field) {
        return of(field).isEmpty() ? null : errorId(field);
    }
}
