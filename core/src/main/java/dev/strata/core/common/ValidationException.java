package dev.strata.core.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input is invalid. It carries every {@link FieldError} found, not only the first, so that a
 * client can fix all of them in one round trip. Build one with a {@link Validator}.
 */
public final class ValidationException extends StrataException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("validation_failed", describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** A failure of a single field. */
    public static ValidationException of(String field, String code, String message) {
        return new ValidationException(List.of(new FieldError(field, code, message)));
    }

    /** Every field error, in the order they were found; never empty. */
    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        return errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
