package dev.strata.core.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a service checks its input, then throws them all at once.
 * Not thread-safe: make one per call.
 *
 * <pre>{@code
 * Validator validator = new Validator();
 * String name = validator.text("display_name", input.displayName(), 1, 100);
 * validator.throwIfInvalid();
 * }</pre>
 */
public final class Validator {

    private final List<FieldError> errors = new ArrayList<>();

    /** Records an error for {@code field}. */
    public Validator reject(String field, String code, String message) {
        errors.add(new FieldError(field, code, message));
        return this;
    }

    /**
     * Checks a required, single-line text field: present, trimmed length within
     * {@code [min, max]} code points, and free of control characters. Returns the trimmed text,
     * or {@code null} when it was rejected (the error is recorded).
     */
    public String text(String field, String value, int min, int max) {
        if (value == null) {
            reject(field, "required", "is required");
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min) {
            reject(field, length == 0 ? "required" : "too_short",
                    "must be at least " + min + " characters");
            return null;
        }
        if (length > max) {
            reject(field, "too_long", "must be at most " + max + " characters");
            return null;
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            reject(field, "control_characters", "must not contain control characters");
            return null;
        }
        return trimmed;
    }

    /** Whether any error was recorded so far. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a {@link ValidationException} with every recorded error, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
