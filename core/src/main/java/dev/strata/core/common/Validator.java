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
     * Checks a required, single-line text field that is normalised by trimming: at most
     * {@code max} code points as sent, at least {@code min} code points once surrounding
     * white space ({@link WhiteSpace}) is removed, and free of control characters. Returns the
     * trimmed text, which is what is kept; or {@code null} when it was rejected (the error is
     * recorded). The maximum counts the text as sent, so that a client (and a JSON schema's
     * {@code maxLength}) can check it without knowing the normalisation.
     */
    public String text(String field, String value, int min, int max) {
        if (value == null) {
            reject(field, "required", "is required");
            return null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            reject(field, "too_long", "must be at most " + max + " characters");
            return null;
        }
        String trimmed = WhiteSpace.strip(value);
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length < min) {
            reject(field, length == 0 ? "required" : "too_short",
                    "must be at least " + min + " characters, surrounding whitespace aside");
            return null;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
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
