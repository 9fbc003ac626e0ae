package dev.strata.core.common;

import java.util.Objects;

/**
 * One reason one input field was refused: the field's name as the caller spelled it
 * (snake_case), a stable code such as {@code too_long}, and a sentence for people.
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
